package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.web.PlainText;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/**
 * One tier's names as edited; the tier is the row's place (the form lists them top first). How
 * long a name may be the ladder says; the size here only keeps a pasted page out of the draft.
 */
@Getter
@Setter
public class RungForm {

    @Size(max = 200)
    @PlainText
    private String nameZh;

    @Size(max = 200)
    @PlainText
    private String nameEn;

    static List<RungForm> of(TierLadder ladder) {
        List<RungForm> rows = new ArrayList<>();
        for (TierLadder.Rung rung : ladder.rungs()) {
            RungForm row = new RungForm();
            row.nameZh = rung.nameZh();
            row.nameEn = rung.nameEn();
            rows.add(row);
        }
        return rows;
    }

    /**
     * The ladder typed: a rung per row down to the last one named, and at least the fewest tiers
     * a ladder has (a row left blank among them reads as blank names, which the ladder refuses
     * beside the field; rows beyond the longest ladder can only come from a hand-made request).
     */
    static TierLadder toLadder(List<RungForm> rows) {
        int used = TierLadder.FEWEST_TIERS;
        for (int i = 0; i < Math.min(rows.size(), TierLadder.MOST_TIERS); i++) {
            if (rows.get(i) != null && rows.get(i).named()) {
                used = Math.max(used, i + 1);
            }
        }
        List<TierLadder.Rung> rungs = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            RungForm row = i < rows.size() && rows.get(i) != null ? rows.get(i) : new RungForm();
            rungs.add(new TierLadder.Rung(TierLadder.CODES.get(i), strip(row.nameZh), strip(row.nameEn)));
        }
        return new TierLadder(rungs);
    }

    private boolean named() {
        return nameZh != null && !nameZh.isBlank() || nameEn != null && !nameEn.isBlank();
    }

    private static String strip(String name) {
        return name == null ? null : name.strip();
    }
}
