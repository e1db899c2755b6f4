package com.keyaccount.crm.customer;

import java.util.Locale;

/**
 * A province (省级) or a prefecture-level city (地级) of China, by its GB/T 2260 code. A city
 * names its province; a province names the sales region (大区) it usually belongs to.
 *
 * @param shortName the name as people write it in passing: 江苏 for 江苏省, 延边 for 延边朝鲜族自治州
 */
public record Division(String code, String name, String shortName, String englishName, String provinceCode,
        Region region) {

    public boolean isProvince() {
        return provinceCode == null;
    }

    /** The name shown to a reader of the locale: the Chinese name, or the English one in other languages. */
    public String nameIn(Locale locale) {
        return locale != null && !"zh".equals(locale.getLanguage()) ? englishName : name;
    }
}
