package com.keyaccount.crm.demo;

import java.util.Map;

/**
 * The words the demo book is made of: Chinese company and person names, titles, log texts (its
 * places are in {@link DemoPlaces}).
 */
final class DemoWords {

    /** The middle of a company name, between its city and its trade. */
    static final String[] WORDS = {"华信", "恒通", "金桥", "鼎盛", "瑞丰", "东方", "远航", "宏达", "新视界", "博远",
        "中联", "鸿运", "天成", "嘉禾", "盛世", "同创", "汇智", "永安", "佳美", "海纳", "润泽", "广源", "德信", "长兴",
        "锦程", "安和", "恒昌", "联创", "卓越", "明辉", "华康", "启航", "合众", "凯瑞", "晨曦", "宇恒", "浩然", "锐思",
        "泰和", "金鼎"};
    static final Map<String, String> INDUSTRY_SUFFIX = Map.ofEntries(
            Map.entry("AGRICULTURE", "农业科技"), Map.entry("MANUFACTURING", "机械制造"),
            Map.entry("CONSTRUCTION", "建设工程"), Map.entry("IT", "信息技术"),
            Map.entry("WHOLESALE_RETAIL", "商贸"), Map.entry("HOSPITALITY", "酒店管理"),
            Map.entry("FINANCE", "投资"), Map.entry("REAL_ESTATE", "置业"),
            Map.entry("LEASING_BUSINESS_SERVICES", "租赁服务"), Map.entry("RESIDENT_SERVICES", "家政服务"),
            Map.entry("ENTERTAINMENT", "文化娱乐"));
    static final String[] INDUSTRIES = INDUSTRY_SUFFIX.keySet().stream().sorted().toArray(String[]::new);
    static final String[] REGIONS = {"NORTH", "NORTHEAST", "EAST", "SOUTH", "CENTRAL", "SOUTHWEST", "NORTHWEST"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明",
        "超", "秀英", "建华", "志强", "海燕", "晓东", "丽娟"};
    static final String[][] TITLES = {{"总经理", "DECISION_MAKER"}, {"副总经理", "DECISION_MAKER"},
        {"采购经理", "ADVISOR"}, {"技术总监", "ADVISOR"}, {"财务经理", "ADVISOR"}, {"采购专员", "USER"},
        {"工程师", "USER"}, {"运营主管", "USER"}};
    static final Map<String, String[]> SUMMARIES = Map.of(
            "VISIT", new String[] {"上门拜访，沟通年度采购计划", "上门拜访，了解新项目需求", "上门拜访，处理上批货物质量反馈"},
            "PHONE", new String[] {"电话回访，确认上批货物使用情况", "电话沟通回款进度", "电话介绍新品"},
            "WECHAT", new String[] {"微信发送新品报价", "微信沟通交货时间", "微信答复技术问题"},
            "EMAIL", new String[] {"邮件发送季度对账单", "邮件发送合同草稿"},
            "SMS", new String[] {"短信节日问候", "短信提醒付款日期"},
            "MEETING", new String[] {"参加客户年会，交流合作方向", "邀请客户参加新品发布会"});
    static final String[] OUTCOMES = {"客户有意向增加订单", "需提供正式报价单", "反馈良好", "暂无新需求", "对价格有异议", null};
    static final String[] NEXT_STEPS = {"下周发送报价", "安排技术交流", "跟进回款", "寄送样品", "约见采购负责人", null};
    static final String[] LOST_REASONS = {"价格竞争，转向竞争对手", "公司业务调整，不再需要", "服务响应慢，客户不满意"};

    private DemoWords() {
    }
}
