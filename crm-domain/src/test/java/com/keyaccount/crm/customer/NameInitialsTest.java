package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameInitialsTest {

    @Test
    void a_chinese_company_name_gives_the_first_letter_of_each_characters_pinyin() {
        assertThat(NameInitials.of("南京嘉禾农业科技有限公司")).isEqualTo("njjhnykjyxgs");
    }

    @Test
    void place_names_and_bank_words_take_the_reading_people_say() {
        assertThat(NameInitials.of("重庆长安汽车股份有限公司")).startsWith("cqca");
        assertThat(NameInitials.of("中国工商银行厦门分行")).isEqualTo("zggsyhxmfh");
    }

    @Test
    void latin_letters_and_digits_stay_and_punctuation_goes() {
        assertThat(NameInitials.of("ABC贸易（上海）有限公司-2号")).isEqualTo("abcmyshyxgs2h");
        assertThat(NameInitials.of("ＩＢＭ中国")).isEqualTo("ibmzg");
    }

    @Test
    void only_letters_and_digits_are_searched_as_initials() {
        assertThat(NameInitials.couldBe("njjh")).isTrue();
        assertThat(NameInitials.couldBe("南京")).isFalse();
        assertThat(NameInitials.couldBe("n")).isFalse();
        assertThat(NameInitials.couldBe("nj jh")).isFalse();
    }
}
