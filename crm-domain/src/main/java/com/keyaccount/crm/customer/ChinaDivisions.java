package com.keyaccount.crm.customer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The national list of provinces and prefecture-level cities (resource {@code places/china-divisions.csv},
 * GB/T 2260 codes), read once: what the customer's province and city are chosen from, and how
 * names typed in an import or written in an address are found on it.
 */
public final class ChinaDivisions {

    private static final String RESOURCE = "/places/china-divisions.csv";
    private static final ChinaDivisions INSTANCE = load();

    private final Map<String, Division> byCode;
    private final List<Division> provinces;
    private final Map<String, List<Division>> citiesByProvince;

    private ChinaDivisions(List<Division> all) {
        this.byCode = new LinkedHashMap<>();
        all.forEach(d -> byCode.put(d.code(), d));
        this.provinces = all.stream().filter(Division::isProvince).toList();
        this.citiesByProvince = new LinkedHashMap<>();
        provinces.forEach(p -> citiesByProvince.put(p.code(), all.stream()
                .filter(c -> p.code().equals(c.provinceCode())).toList()));
    }

    public static ChinaDivisions get() {
        return INSTANCE;
    }

    public List<Division> provinces() {
        return provinces;
    }

    /** The cities of a province in the list's order; none for an unknown code. */
    public List<Division> citiesOf(String provinceCode) {
        return citiesByProvince.getOrDefault(provinceCode, List.of());
    }

    public Optional<Division> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** @throws IllegalArgumentException when the code is not a province's */
    public Division province(String code) {
        return find(code).filter(Division::isProvince)
                .orElseThrow(() -> new IllegalArgumentException("no province " + code));
    }

    /** @throws IllegalArgumentException when the code is not a city's */
    public Division city(String code) {
        return find(code).filter(d -> !d.isProvince())
                .orElseThrow(() -> new IllegalArgumentException("no city " + code));
    }

    /** A province's or city's name for a reader of the locale; null for a code not on the list. */
    public String name(String code, Locale locale) {
        return find(code).map(d -> d.nameIn(locale)).orElse(null);
    }

    /**
     * The place in words for a reader of the locale: 江苏省 南京市, or Nanjing, Jiangsu; a
     * municipality once (上海市); null when unknown.
     */
    public String nameOf(Place place, Locale locale) {
        Optional<Division> province = find(place.provinceCode());
        if (province.isEmpty()) {
            return null;
        }
        String provinceName = province.get().nameIn(locale);
        return find(place.cityCode()).map(city -> city.nameIn(locale))
                .filter(cityName -> !cityName.equals(provinceName))
                .map(cityName -> "zh".equals(locale.getLanguage()) ? provinceName + " " + cityName
                        : cityName + ", " + provinceName)
                .orElse(provinceName);
    }

    /** A province by its name, short name (江苏), English name or code, as typed in an import. */
    public Optional<Division> provinceNamed(String text) {
        return named(provinces.stream(), text);
    }

    /**
     * A city by its name, short name, English name or code: within the province when one is
     * given, else anywhere on the list as long as only one city answers to it.
     */
    public Optional<Division> cityNamed(String text, String provinceCode) {
        Stream<Division> cities = provinceCode == null
                ? citiesByProvince.values().stream().flatMap(List::stream)
                : citiesByProvince.getOrDefault(provinceCode, List.of()).stream();
        return named(cities, text);
    }

    /**
     * The place an address names, read as Chinese addresses are written, largest unit first:
     * 江苏省南京市鼓楼区… and 江苏南京… give 江苏/南京, 南京市鼓楼区… gives the same, 上海市浦东新区…
     * gives 上海/上海. Without a province in front only a city's full name counts (中山路 is a
     * street, 中山市 a city). An address that names neither gives {@link Place#NONE}.
     */
    public Place placeOf(String address) {
        if (address == null || address.isBlank()) {
            return Place.NONE;
        }
        String text = address.strip();
        // a city's full name before a province's short one: 吉林市… is the city, not the province 吉林
        Optional<Division> province = prefix(provinces.stream(), text, Division::name);
        if (province.isEmpty()) {
            Optional<Division> city = prefix(citiesByProvince.values().stream().flatMap(List::stream), text,
                    Division::name);
            if (city.isPresent()) {
                return new Place(city.get().provinceCode(), city.get().code());
            }
            province = prefix(provinces.stream(), text, Division::shortName);
        }
        if (province.isEmpty()) {
            return Place.NONE;
        }
        Division p = province.get();
        String rest = text.substring(text.startsWith(p.name()) ? p.name().length() : p.shortName().length());
        List<Division> cities = citiesByProvince.get(p.code());
        Optional<Division> city = cities.size() == 1 ? Optional.of(cities.get(0))
                : prefix(cities.stream(), rest, Division::name).or(() -> prefix(cities.stream(), rest, Division::shortName));
        return new Place(p.code(), city.map(Division::code).orElse(null));
    }

    private static Optional<Division> prefix(Stream<Division> candidates, String text, Function<Division, String> name) {
        return candidates.filter(d -> text.startsWith(name.apply(d)))
                .max(Comparator.comparingInt(d -> name.apply(d).length()));
    }

    private static Optional<Division> named(Stream<Division> candidates, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.strip();
        List<Division> matches = candidates.filter(d -> d.code().equals(typed) || d.name().equals(typed)
                || d.shortName().equals(typed) || d.englishName().equalsIgnoreCase(typed)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static ChinaDivisions load() {
        try (InputStream in = Objects.requireNonNull(ChinaDivisions.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Division> all = reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(ChinaDivisions::division).toList();
            return new ChinaDivisions(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** code,name,short,english,province,region — the last two empty for a province's and a city's own. */
    private static Division division(String line) {
        String[] f = line.split(",", -1);
        return new Division(f[0], f[1], f[2], f[3], f[4].isEmpty() ? null : f[4],
                f[5].isEmpty() ? null : Region.valueOf(f[5].toUpperCase(Locale.ROOT)));
    }
}
