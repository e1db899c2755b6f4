package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierNames;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The messages name the tiers as the ladder in force does: every page, chart and export that says
 * {@code tier.A} says the company's name, typed characters and all; other messages are untouched.
 */
class TierNameMessagesTest {

    private final TierNames names = mock(TierNames.class);

    @Test
    void a_tier_is_called_by_the_name_in_force_even_one_with_an_apostrophe_or_braces() {
        when(names.name(any(), any())).thenAnswer(call -> call.getArgument(1, Locale.class).getLanguage()
                .equals("zh") ? "重要客户" : "O'Brien {VIP}");
        MessageSource messages = messages(names);
        assertThat(messages.getMessage("tier.A", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("重要客户");
        assertThat(messages.getMessage("tier.A", null, Locale.ENGLISH)).isEqualTo("O'Brien {VIP}");
        // asked for with arguments (as Thymeleaf sometimes does), the name is still shown as typed
        assertThat(messages.getMessage("tier.A", new Object[] {1}, Locale.ENGLISH)).isEqualTo("O'Brien {VIP}");
        // a message that only starts like a tier's is its own
        assertThat(messages.getMessage("tier.title", null, Locale.ENGLISH)).isEqualTo("Tier");
    }

    @Test
    void without_a_ladder_or_a_database_the_bundles_name_the_tiers() {
        assertThat(messages(null).getMessage("tier.B", null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("B 类");
        when(names.name(Tier.C, Locale.ENGLISH)).thenThrow(new DataAccessResourceFailureException("down"));
        assertThat(messages(names).getMessage("tier.C", null, Locale.ENGLISH)).isEqualTo("C");
    }

    private static MessageSource messages(TierNames names) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (names != null) {
            beans.addBean("tierNames", names);
        }
        Messages.Unshared messages = new Messages.Unshared(beans.getBeanProvider(TierNames.class));
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
