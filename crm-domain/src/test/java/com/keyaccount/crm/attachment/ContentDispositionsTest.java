package com.keyaccount.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A downloaded file keeps its name in any language, and no name can add to the header. */
class ContentDispositionsTest {

    @Test
    void a_chinese_name_is_percent_encoded_in_filename_star_with_an_ascii_stand_in() {
        assertThat(ContentDispositions.of(false, "报价单 v2.pdf"))
                .isEqualTo("attachment; filename=\"___ v2.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95%20v2.pdf");
    }

    @Test
    void quotes_semicolons_and_line_breaks_cannot_break_out_of_the_header() {
        String header = ContentDispositions.of(true, "a\";\r\nSet-Cookie: x=1.jpg");
        assertThat(header).doesNotContain("\r", "\n").startsWith("inline; filename=\"a_;__Set-Cookie: x=1.jpg\";");
        assertThat(header).endsWith("filename*=UTF-8''a%22%3B%0D%0ASet-Cookie%3A%20x%3D1.jpg");
    }
}
