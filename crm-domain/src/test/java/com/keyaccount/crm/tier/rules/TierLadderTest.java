package com.keyaccount.crm.tier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.shared.rules.Violation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The tiers' names: each tier named in both languages, short and unmistakable. */
class TierLadderTest {

    private static final RuleSet SEED = new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
            HardRules.DEFAULT, ChurnThresholds.DEFAULT);

    @Test
    void rules_that_name_no_tiers_keep_the_names_they_always_had() {
        assertThat(SEED.ladder()).isEqualTo(TierLadder.DEFAULT);
        assertThat(TierLadder.DEFAULT.rung("A").name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("A 类");
        assertThat(TierLadder.DEFAULT.rung("C").name(Locale.ENGLISH)).isEqualTo("C");
        assertThat(TierLadder.DEFAULT.violations()).isEmpty();
    }

    @Test
    void a_name_is_read_in_the_readers_language() {
        TierLadder seed002 = TierLadder.named(List.of("重要客户", "主要客户", "普通客户"), List.of("Key", "Major", "Regular"));
        assertThat(seed002.rung("B").name(Locale.CHINA)).isEqualTo("主要客户");
        assertThat(seed002.rung("B").name(Locale.TRADITIONAL_CHINESE)).isEqualTo("主要客户");
        assertThat(seed002.rung("B").name(Locale.ENGLISH)).isEqualTo("Major");
        assertThat(seed002.rung("B").name(Locale.GERMAN)).isEqualTo("Major");
        assertThat(SEED.named(seed002).violations()).isEmpty();
    }

    @Test
    void every_tier_needs_a_name_in_both_languages() {
        assertThat(ladder(List.of("重要客户", " ", "普通客户"), List.of("Key", "Major", "")).violations())
                .containsExactly(Violation.of("rungs[1].nameZh", "ladder.name.blank"),
                        Violation.of("rungs[2].nameEn", "ladder.name.blank"));
        assertThat(new TierLadder(List.of(new TierLadder.Rung("A", null, "Key"), new TierLadder.Rung("B", "乙",
                "B"), new TierLadder.Rung("C", "丙", "C"))).violations())
                .containsExactly(Violation.of("rungs[0].nameZh", "ladder.name.blank"));
    }

    @Test
    void a_name_fits_a_badge() {
        String sixteen = "一二三四五六七八九十一二三四五六";
        assertThat(ladder(List.of(sixteen, "乙", "丙"), List.of("A", "B", "C")).violations()).isEmpty();
        assertThat(ladder(List.of(sixteen + "七", "乙", "丙"), List.of("A", "B", "C")).violations())
                .containsExactly(Violation.of("rungs[0].nameZh", "ladder.name.long", 16));
    }

    @Test
    void two_tiers_cannot_share_a_name_in_one_language_whatever_its_case() {
        assertThat(ladder(List.of("重要客户", "重要客户", "普通客户"), List.of("Key", "key", "Regular")).violations())
                .containsExactly(Violation.of("rungs[1].nameZh", "ladder.name.taken"),
                        Violation.of("rungs[1].nameEn", "ladder.name.taken"));
        // the same word in the two languages is two different names
        assertThat(ladder(List.of("VIP", "主要", "普通"), List.of("VIP", "Major", "Regular")).violations()).isEmpty();
    }

    @Test
    void the_ladder_has_a_rung_per_tier_top_first_and_the_rule_set_says_where() {
        TierLadder two = new TierLadder(List.of(new TierLadder.Rung("A", "甲", "A"), new TierLadder.Rung("B",
                "乙", "B")));
        assertThat(SEED.named(two).violations()).containsExactly(Violation.of("ladder.rungs", "ladder.size", 3, 5));
        TierLadder six = new TierLadder(List.of(new TierLadder.Rung("A", "1", "1"), new TierLadder.Rung("B", "2", "2"),
                new TierLadder.Rung("C", "3", "3"), new TierLadder.Rung("D", "4", "4"), new TierLadder.Rung("E", "5", "5"),
                new TierLadder.Rung("F", "6", "6")));
        assertThat(six.violations()).containsExactly(Violation.of("rungs", "ladder.size", 3, 5));
        TierLadder upsideDown = new TierLadder(List.of(new TierLadder.Rung("C", "丙", "C"),
                new TierLadder.Rung("B", "乙", "B"), new TierLadder.Rung("A", "甲", "A")));
        assertThat(upsideDown.violations()).containsExactly(Violation.of("rungs[0].code", "ladder.order"),
                Violation.of("rungs[2].code", "ladder.order"));
    }

    private static TierLadder ladder(List<String> zh, List<String> en) {
        return TierLadder.named(zh, en);
    }
}
