package com.keyaccount.crm.prospect.rules;

import static com.keyaccount.crm.prospect.rules.Evidence.DECISION_MAKER;
import static com.keyaccount.crm.prospect.rules.Evidence.FIRST_ORDER;
import static com.keyaccount.crm.prospect.rules.Evidence.FIVE_FACTS;
import static com.keyaccount.crm.prospect.rules.Evidence.SIZE;
import static com.keyaccount.crm.prospect.rules.Evidence.TARGET_INDUSTRY;
import static com.keyaccount.crm.prospect.rules.Evidence.TICK;
import static com.keyaccount.crm.prospect.rules.Requirement.ALL_OF;
import static com.keyaccount.crm.prospect.rules.Requirement.ONE_OF;

import com.keyaccount.crm.customer.Industry;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The ladder of seed 003 (标准销售过程分解), the product's default until an admin publishes one.
 * The seed leaves the size threshold open (年销售额一般要求超过**万); five million yuan stands in.
 */
public final class SeedLadder {

    private SeedLadder() {
    }

    public static ProspectLadder ladder() {
        return new ProspectLadder(List.of(
                stage("A21", "资料级", "Lead", StageKind.LEAD, ALL_OF),
                stage("A08", "范围级", "In scope", StageKind.STEP, ALL_OF,
                        c("five_facts", "确认关键5要素：公司名称、行业、规模、电话、传真",
                                "The five key facts are known: name, industry, size, phone, fax", FIVE_FACTS),
                        c("target_industry", "属于目标行业", "It is in a target industry", TARGET_INDUSTRY),
                        c("size_threshold", "规模达到要求（年销售额）", "Its size (annual sales) meets the threshold", SIZE)),
                stage("A31", "明确拒绝", "Clear refusal", StageKind.REFUSAL, ALL_OF,
                        c("refusal_by_decision_maker", "拍板人给出的反馈", "The answer came from the decision maker",
                                DECISION_MAKER),
                        c("refusal_knows_us", "对方明确知道我公司是做什么的、能带来什么收益、核心优势",
                                "They know what we do, what it brings them and where we are stronger", TICK),
                        c("refusal_considered", "对方是经考虑后理性、认真的决定", "It was a considered, serious decision", TICK),
                        c("refusal_clear_no", "对方明确答复不考虑、不需要、别再联系",
                                "They said clearly: not interested, no need, do not contact us again", TICK)),
                stage("A07", "不拒绝", "Not refused", StageKind.STEP, ALL_OF,
                        c("neutral_by_decision_maker", "拍板人给出的反馈", "The answer came from the decision maker",
                                DECISION_MAKER),
                        c("neutral_knows_us", "对方知道我公司是做什么的、能带来什么收益、核心优势",
                                "They know what we do, what it brings them and where we are stronger", TICK),
                        c("neutral_considered", "对方是经考虑后理性、认真的决定", "It was a considered, serious decision", TICK),
                        c("neutral_answer", "对方答复中立、模棱两可或软推辞（我考虑下、再说吧）",
                                "Their answer was neutral or a soft no (\"I'll think about it\", \"later\")", TICK)),
                stage("A06", "积极回应", "Positive response", StageKind.STEP, ONE_OF,
                        c("changing_supplier", "对方表示正在考虑更换供应商", "They are considering a change of supplier", TICK),
                        c("unhappy_with_supplier", "对方对现有供应商有任何不满", "They are unhappy with their current supplier",
                                TICK),
                        c("talking_to_suppliers", "对方正在与新供应商洽谈", "They are talking to new suppliers", TICK),
                        c("decision_maker_interested", "拍板人经考虑后索要资料、约下次联系或询问公司与产品",
                                "The decision maker asked for material, set a next contact or asked about us",
                                DECISION_MAKER)),
                stage("A05", "意向级", "Intent", StageKind.STEP, ALL_OF,
                        c("intent_by_decision_maker", "拍板人给出的反馈", "The feedback came from the decision maker",
                                DECISION_MAKER),
                        c("intent_considered", "对方是经考虑后理性、认真的决定", "It was a considered, serious decision", TICK),
                        c("needs_known", "我们详细了解对方需求，且产品与服务能满足",
                                "We know their needs in detail and can meet them", TICK),
                        c("we_are_acceptable", "对方了解我公司及产品，并认为符合其供应商要求",
                                "They know us and find us acceptable as a supplier", TICK),
                        c("price_known", "对方明确知道我公司产品的报价", "They know our price", TICK)),
                stage("A04", "价格级", "Price", StageKind.STEP, ALL_OF,
                        c("deal_affordable", "预期合作总金额在对方经济能力之内", "The deal's total is affordable to them", TICK),
                        c("price_acceptable", "对方能给出的价格在我公司可接受范围内", "Their price is acceptable to us", TICK)),
                stage("A03", "冲刺级", "Closing", StageKind.STEP, ONE_OF,
                        c("verbal_commitment", "拍板人口头确认合作", "The decision maker committed verbally", DECISION_MAKER),
                        c("concrete_steps", "对方已有实质行动，如验厂、打样", "They took concrete steps: a factory audit, samples",
                                TICK),
                        c("buys_within_two_months", "未来2个月内将发生购买", "They will buy within two months", TICK)),
                stage("A02", "成交级", "Won", StageKind.WON, ONE_OF,
                        c("agreement_signed", "已签订合作意向书、协议或合同（对方已盖章）",
                                "A letter of intent, agreement or contract is signed and stamped", TICK),
                        c("purchased", "已采购本公司产品", "They have bought from us", FIRST_ORDER),
                        c("paid", "已付款", "They have paid", TICK)),
                stage("A01", "结案级", "Closed", StageKind.CLOSED, ALL_OF,
                        c("goods_used_up", "客户已使用完本公司供应的产品", "The goods supplied are used up", TICK),
                        c("all_money_received", "已收完本次合作的所有款项", "All money for this deal is received", TICK),
                        c("no_open_promise", "未遗留有条件的承诺", "No conditional promise is left open", TICK))),
                List.of(
                        c("project_need", "对公司产品有潜在需求", "They have a potential need for our products", TICK),
                        c("project_budget", "本年度有预算计划或已落实预算，且金额符合定价策略",
                                "There is a budget this year that fits our pricing", TICK),
                        c("project_timeline", "本年度内有明确的实施时间表", "There is a timeline within this year", TICK),
                        c("project_decision_makers", "项目决策人及决策影响人清晰",
                                "The decision maker and influencers are known", TICK)),
                EnumSet.allOf(Industry.class), new BigDecimal("5000000"), Map.of());
    }

    private static StageDefinition stage(String code, String zh, String en, StageKind kind, Requirement requirement,
            LadderCondition... conditions) {
        return new StageDefinition(code, zh, en, kind, requirement, List.of(conditions));
    }

    private static LadderCondition c(String key, String zh, String en, Evidence evidence) {
        return new LadderCondition(key, zh, en, evidence);
    }
}
