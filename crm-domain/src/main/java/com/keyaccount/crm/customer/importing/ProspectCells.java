package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.importing.CellFormats;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The optional prospect cells of a customer line: {@code stage} (its code, A05, or its name in
 * either language, 意向级 / Intent), {@code close_class} (A–E, or its words) and
 * {@code expected_monthly_value} (an amount, as the other money cells). Whether the line's status
 * allows its stage is checked over the staged file ({@link CustomerStage#prospectErrors}), since a
 * blank status keeps the one stored.
 */
final class ProspectCells {

    static final List<String> COLUMNS = List.of("stage", "close_class", "expected_monthly_value");
    private static final BigDecimal MOST = new BigDecimal("1E16");

    /** A line's prospect cells; every part null when the line has none. */
    record Prospect(String stage, Boolean stageWon, CloseClass closeClass, BigDecimal expectedMonthlyValue) {

        static final Prospect NONE = new Prospect(null, null, null, null);
    }

    private final Map<String, StageDefinition> stages = new HashMap<>();
    private final int wonLevel;
    private final ProspectLadder ladder;
    private final Labels<CloseClass> closeClasses;

    ProspectCells(ProspectLadder ladder, Labels<CloseClass> closeClasses) {
        this.ladder = ladder;
        this.closeClasses = closeClasses;
        for (StageDefinition stage : ladder.stages()) {
            stages.put(key(stage.code()), stage);
        }
        for (StageDefinition stage : ladder.stages()) {
            stages.putIfAbsent(key(stage.nameZh()), stage);
            stages.putIfAbsent(key(stage.nameEn()), stage);
        }
        wonLevel = ladder.ofKind(StageKind.WON).map(s -> ladder.level(s.code())).orElse(Integer.MAX_VALUE);
    }

    /** The line's prospect cells, reporting each bad one; {@link Prospect#NONE} when all are empty or absent. */
    Prospect parse(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        StageDefinition stage = null;
        String typed = Cells.present(lineNo, cells, "stage", false, errors);
        if (typed != null) {
            stage = stages.get(key(typed));
            if (stage == null) {
                errors.accept(new LineError(lineNo, "stage", typed, Reason.UNKNOWN_VALUE, null));
            }
        }
        CloseClass closeClass = null;
        String close = Cells.present(lineNo, cells, "close_class", false, errors);
        if (close != null) {
            Optional<CloseClass> found = closeClasses.find(close);
            if (found.isEmpty()) {
                errors.accept(new LineError(lineNo, "close_class", close, Reason.UNKNOWN_VALUE, null));
            }
            closeClass = found.orElse(null);
        }
        BigDecimal value = null;
        String amount = Cells.present(lineNo, cells, "expected_monthly_value", false, errors);
        if (amount != null) {
            Optional<BigDecimal> number = CellFormats.amount(amount);
            if (number.isEmpty() || number.get().signum() < 0 || number.get().compareTo(MOST) >= 0) {
                errors.accept(new LineError(lineNo, "expected_monthly_value", amount, Reason.BAD_NUMBER, null));
            } else {
                value = number.get();
            }
        }
        if (stage == null && closeClass == null && value == null) {
            return Prospect.NONE;
        }
        return new Prospect(stage == null ? null : stage.code(),
                stage == null ? null : ladder.level(stage.code()) >= wonLevel, closeClass, value);
    }

    /** The ladder's refusal stage (A31), which an import may not move a prospect onto; null when it has none. */
    String refusalStage() {
        return ladder.ofKind(StageKind.REFUSAL).map(StageDefinition::code).orElse(null);
    }

    /** The ladder's lead stage (A21), where a prospect without a row stands. */
    String leadStage() {
        return ladder.lead().code();
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
