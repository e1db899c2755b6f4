package com.keyaccount.crm.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.scoring.schedule.DueRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every export's columns have a header of their own in both languages, and every code a label. */
class ExportLabelsTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final ExportLanguage CHINESE = new ExportLanguage(MESSAGES, Locale.SIMPLIFIED_CHINESE);
    private static final ExportLanguage ENGLISH = new ExportLanguage(MESSAGES, Locale.ENGLISH);

    @Test
    void every_column_of_every_export_has_a_distinct_header_in_both_languages() {
        List<String> problems = new ArrayList<>();
        for (ExportKind kind : ExportKind.values()) {
            for (ExportLanguage language : List.of(CHINESE, ENGLISH)) {
                List<String> headers = kind.columns().stream()
                        .map(code -> language.column(kind.slug(), code).header()).toList();
                for (int i = 0; i < headers.size(); i++) {
                    if (headers.get(i).equals(kind.columns().get(i))) {
                        problems.add(kind + ": no header for " + headers.get(i));
                    }
                }
                if (headers.stream().distinct().count() != headers.size()) {
                    problems.add(kind + ": repeated headers " + headers);
                }
                if (language.sheet(kind.slug()).equals(kind.slug()) && language == CHINESE) {
                    problems.add(kind + ": no sheet name");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void coded_values_read_as_the_pages_label_them() {
        assertThat(CHINESE.column("customers", "industry").header()).isEqualTo("行业");
        assertThat(CHINESE.cell(CHINESE.column("customers", "industry"), "FINANCE")).isEqualTo("金融业");
        assertThat(CHINESE.cell(CHINESE.column("customers", "region"), "NORTHEAST")).isEqualTo("东北");
        assertThat(CHINESE.cell(CHINESE.column("customers", "status"), "ACTIVE")).isEqualTo("合作中");
        assertThat(CHINESE.cell(CHINESE.column("customers", "tier"), "A")).isEqualTo("A 类");
        assertThat(CHINESE.cell(CHINESE.column("contacts", "decision_role"), "DECISION_MAKER")).isEqualTo("拍板人");
        assertThat(CHINESE.cell(CHINESE.column("contact-logs", "channel"), "VISIT")).isEqualTo("上门拜访");
        assertThat(CHINESE.cell(CHINESE.column("x", "anything"), true)).isEqualTo("是");
        assertThat(ENGLISH.cell(ENGLISH.column("x", "anything"), false)).isEqualTo("No");
        assertThat(CHINESE.column("contacts", "name").header()).isEqualTo("联系人姓名");
        assertThat(CHINESE.column("customers", "name").header()).isEqualTo("公司名称");
        // numbers stay numbers, text stays as it is
        assertThat(CHINESE.cell(CHINESE.column("customers", "annual_sales"), new java.math.BigDecimal("12.50")))
                .isEqualTo(new java.math.BigDecimal("12.50"));
        assertThat(CHINESE.cell(CHINESE.column("customers", "name"), "FINANCE")).isEqualTo("FINANCE");
    }

    @Test
    void the_follow_up_rules_and_moves_have_labels_in_both_languages() {
        List<String> codes = new ArrayList<>(List.of("export.move.up", "export.move.down"));
        for (DueRule rule : DueRule.values()) {
            codes.add("export.dueRule." + rule);
        }
        for (String code : codes) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(MESSAGES.getMessage(code, null, null, locale)).as(code + " in " + locale).isNotBlank();
            }
        }
    }

    @Test
    void a_column_is_as_wide_as_its_header_with_chinese_counting_double() {
        assertThat(ExportColumn.width("客户编码")).isEqualTo(8);
        assertThat(ExportColumn.width("Code")).isEqualTo(4);
        assertThat(CHINESE.column("tiers", "credit_notes_in_window").width())
                .isEqualTo(ExportColumn.width("评估期退货与贷项（元）") + 2);
    }
}
