package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.contactlog.Channel;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.tier.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** English and Chinese say the same things, and every message a page asks for exists. */
class MessageBundlesTest {

    /** {@code #{some.key}} or {@code #{some.key(args)}}: a key written out, not concatenated. */
    static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)[(}]");

    static final Properties ENGLISH = load("messages.properties");
    static final Properties CHINESE = load("messages_zh_CN.properties");

    @Test
    void both_languages_have_exactly_the_same_keys() {
        assertThat(new TreeSet<>(CHINESE.stringPropertyNames()))
                .as("keys of messages_zh_CN.properties")
                .containsExactlyElementsOf(new TreeSet<>(ENGLISH.stringPropertyNames()));
    }

    @Test
    void every_message_key_written_in_a_template_exists_in_both_languages() {
        List<String> missing = new ArrayList<>();
        int found = 0;
        for (Path template : Templates.all()) {
            Matcher key = LITERAL_KEY.matcher(Templates.read(template));
            while (key.find()) {
                found++;
                missingFromEither(key.group(1), template.toString(), missing);
            }
        }
        assertThat(found).as("literal keys found in templates").isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void every_key_composed_from_an_enum_or_profile_field_exists_in_both_languages() {
        Map<String, Object[]> prefixes = Map.of(
                "tier.", Tier.values(), "region.", Region.values(), "industry.", Industry.values(),
                "status.", CustomerStatus.values(), "channel.", Channel.values(), "role.", DecisionRole.values(),
                // the conflict page labels each row with customer.<profile component>
                "customer.", Arrays.stream(CustomerProfile.class.getRecordComponents()).map(c -> c.getName()).toArray());
        List<String> missing = new ArrayList<>();
        prefixes.forEach((prefix, values) -> {
            for (Object value : values) {
                missingFromEither(prefix + value, "composed key", missing);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void every_flash_and_error_key_the_controllers_use_exists_in_both_languages() throws IOException {
        Pattern codeInJava = Pattern.compile("\"((?:flash|customer|log)\\.[\\w.]+)\"");
        Set<String> keys = new TreeSet<>();
        try (var sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith("Controller.java")).toList()) {
                Matcher key = codeInJava.matcher(Files.readString(source));
                while (key.find()) {
                    keys.add(key.group(1));
                }
            }
        }
        assertThat(keys).contains("flash.customer.created", "flash.log.duplicate", "customer.code.taken",
                "log.occurredAt.future");
        List<String> missing = new ArrayList<>();
        keys.forEach(key -> missingFromEither(key, "controller", missing));
        assertThat(missing).isEmpty();
    }

    /**
     * A message without arguments is shown as written (Spring formats only messages given
     * arguments), so an apostrophe doubled for MessageFormat would show doubled: "the tier''s".
     */
    @Test
    void apostrophes_are_doubled_only_where_a_message_takes_arguments() {
        List<String> wrong = new ArrayList<>();
        for (Properties bundle : List.of(ENGLISH, CHINESE)) {
            bundle.forEach((key, text) -> {
                String message = (String) text;
                boolean takesArguments = message.matches("(?s).*\\{\\d.*");
                if (takesArguments ? message.replace("''", "").contains("'") : message.contains("''")) {
                    wrong.add(key + "=" + message);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void a_year_in_a_title_is_written_without_a_thousands_separator() {
        Map<String, String> chinese = Map.of("care.card.title", "2026 年客户关怀", "care.budget.title", "2026 年关怀预算",
                "retention.title", "2026 年客户保有");
        Map<String, String> english = Map.of("care.card.title", "Care in 2026", "care.budget.title", "Care budget 2026",
                "retention.title", "Retention in 2026");
        chinese.forEach((key, shown) -> assertThat(new MessageFormat(CHINESE.getProperty(key), Locale.SIMPLIFIED_CHINESE)
                .format(new Object[] {2026})).isEqualTo(shown));
        english.forEach((key, shown) -> assertThat(new MessageFormat(ENGLISH.getProperty(key), Locale.ENGLISH)
                .format(new Object[] {2026})).isEqualTo(shown));
    }

    private static void missingFromEither(String key, String where, List<String> missing) {
        if (!ENGLISH.containsKey(key)) {
            missing.add(where + ": " + key + " (messages.properties)");
        }
        if (!CHINESE.containsKey(key)) {
            missing.add(where + ": " + key + " (messages_zh_CN.properties)");
        }
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return properties;
    }
}
