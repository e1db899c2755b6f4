package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The tiers a company classifies into, top first, each with its name in Chinese and in English
 * (seed 002 names its classes 重要客户 / 主要客户 / 普通客户). The names are what every page, export
 * and chart says; the code stays the letter stored with each tier and its history, so renaming
 * a tier rewrites no row.
 *
 * @param rungs one per tier, top first
 */
public record TierLadder(List<Rung> rungs) {

    /** The codes a ladder may use, top first: what the classifiers produce and every tier row stores. */
    public static final List<String> CODES = List.of("A", "B", "C", "D", "E");

    /** Seed 003's shortest scheme (A/B/C): fewer would not tell key accounts from the rest. */
    public static final int FEWEST_TIERS = 3;

    /** Seed 003's longest scheme (A–E). */
    public static final int MOST_TIERS = CODES.size();

    /** The longest name a rung may have: it must fit a badge on a phone. */
    public static final int LONGEST_NAME = 16;

    /** Today's names, so an installation that never names its tiers sees what it always saw. */
    public static final TierLadder DEFAULT = new TierLadder(List.of(new Rung("A", "A 类", "A"),
            new Rung("B", "B 类", "B"), new Rung("C", "C 类", "C")));

    /** One tier: its code and its names. */
    public record Rung(String code, String nameZh, String nameEn) {

        public Rung {
            Objects.requireNonNull(code, "code");
        }

        /** The name in {@code locale}'s language: Chinese for Chinese, English for every other. */
        public String name(Locale locale) {
            return Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    public TierLadder {
        rungs = List.copyOf(rungs);
    }

    /**
     * The rung of the tier with {@code code}. A code below this ladder's last rung (history from
     * a longer ladder) is named as the default ladder would name it, so old rows stay readable.
     */
    public Rung rung(String code) {
        return rungs.stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseGet(() -> new Rung(code, code + " 类", code));
    }

    /** How many tiers the ladder has. */
    public int size() {
        return rungs.size();
    }

    /** How many boundaries between two tiers a method cuts at: one fewer than the tiers. */
    public int boundaries() {
        return rungs.size() - 1;
    }

    /** The ladder with the tiers named as given, top first: as many tiers as names. */
    public static TierLadder named(List<String> zh, List<String> en) {
        if (zh.size() != en.size() || zh.size() > CODES.size()) {
            throw new IllegalArgumentException("one name per tier in each language");
        }
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < zh.size(); i++) {
            rungs.add(new Rung(CODES.get(i), zh.get(i), en.get(i)));
        }
        return new TierLadder(rungs);
    }

    /**
     * What is wrong: three to five rungs, coded A, B, … in order; every name there, short enough and different
     * from the other tiers' names in its language (two tiers called the same could not be told
     * apart on a page).
     */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (rungs.size() < FEWEST_TIERS || rungs.size() > MOST_TIERS) {
            found.add(Violation.of("rungs", "ladder.size", FEWEST_TIERS, MOST_TIERS));
            return found;
        }
        Set<String> zh = new HashSet<>();
        Set<String> en = new HashSet<>();
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            String at = "rungs[" + i + "]";
            if (!rung.code().equals(CODES.get(i))) {
                found.add(Violation.of(at + ".code", "ladder.order"));
            }
            name(found, at + ".nameZh", rung.nameZh(), zh);
            name(found, at + ".nameEn", rung.nameEn(), en);
        }
        return found;
    }

    private static void name(List<Violation> found, String path, String name, Set<String> seen) {
        if (name == null || name.isBlank()) {
            found.add(Violation.of(path, "ladder.name.blank"));
        } else if (name.strip().length() > LONGEST_NAME) {
            found.add(Violation.of(path, "ladder.name.long", LONGEST_NAME));
        } else if (!seen.add(name.strip().toLowerCase(Locale.ROOT))) {
            found.add(Violation.of(path, "ladder.name.taken"));
        }
    }
}
