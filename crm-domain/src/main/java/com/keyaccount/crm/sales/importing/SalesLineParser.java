package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.CellFormats;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import com.keyaccount.crm.productline.ProductLine;
import com.keyaccount.crm.shared.ControlCharacters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks one line of {@code customer_code,order_no,order_date,amount,due_date,paid_date} plus the
 * optional {@code refers_to,product_line,cost,margin} and reports every problem on it, not only
 * the first. A negative amount is a credit note or return. What needs other lines — duplicates,
 * whether the order a credit note names exists and is large enough — is found later, in the
 * database, so memory stays bounded however long the file is.
 */
final class SalesLineParser {

    static final List<String> REQUIRED = List.of("customer_code", "order_no", "order_date", "amount");
    static final int ORDER_NO_LENGTH = 40;
    /** sales_order.amount is NUMERIC(18, 2). */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1E16");

    private final Map<String, Long> customerIdsByCode;
    private final Set<String> productLineCodes;
    private final boolean createsProductLines;

    /**
     * @param productLineCodes the codes that exist
     * @param createsProductLines whether an unknown code is created on merge rather than refused
     */
    SalesLineParser(Map<String, Long> customerIdsByCode, Set<String> productLineCodes, boolean createsProductLines) {
        this.customerIdsByCode = customerIdsByCode;
        this.productLineCodes = productLineCodes;
        this.createsProductLines = createsProductLines;
    }

    /**
     * @param cells column name (normalised) to cell text; absent optional columns are absent
     * @return the line when it is valid; errors go to {@code errors}
     */
    Optional<SalesLine> parse(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        Counter counting = new Counter(errors);
        String code = Cells.present(lineNo, cells, "customer_code", true, counting);
        Long customerId = null;
        if (code != null) {
            customerId = customerIdsByCode.get(code);
            if (customerId == null) {
                counting.accept(new LineError(lineNo, "customer_code", code, Reason.UNKNOWN_CUSTOMER, null));
            }
        }
        String orderNo = text(lineNo, cells, "order_no", true, ORDER_NO_LENGTH, counting);
        LocalDate orderDate = date(lineNo, cells, "order_date", true, counting);
        BigDecimal amount = money(lineNo, cells, "amount", true, counting);
        LocalDate dueDate = date(lineNo, cells, "due_date", false, counting);
        LocalDate paidDate = date(lineNo, cells, "paid_date", false, counting);
        if (orderDate != null && paidDate != null && paidDate.isBefore(orderDate)) {
            counting.accept(new LineError(lineNo, "paid_date", cells.get("paid_date"), Reason.PAID_BEFORE_ORDER, null));
        }
        if (orderDate != null && dueDate != null && dueDate.isBefore(orderDate)) {
            counting.accept(new LineError(lineNo, "due_date", cells.get("due_date"), Reason.DUE_BEFORE_ORDER, null));
        }
        String refersTo = text(lineNo, cells, "refers_to", false, ORDER_NO_LENGTH, counting);
        if (refersTo != null && amount != null && amount.signum() >= 0) {
            counting.accept(new LineError(lineNo, "refers_to", refersTo, Reason.REFERS_TO_ON_SALE, null));
        }
        String productLine = productLine(lineNo, cells, counting);
        BigDecimal margin = margin(lineNo, cells, amount, counting);
        if (counting.errors > 0) {
            return Optional.empty();
        }
        return Optional.of(new SalesLine(lineNo, customerId, orderNo, orderDate, amount, dueDate, paidDate,
                productLine, refersTo, margin));
    }

    private String productLine(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        String code = text(lineNo, cells, "product_line", false, ProductLine.CODE_LENGTH, errors);
        if (code == null) {
            return null;
        }
        // a code is one line of text: no tab or line break either
        if (!ControlCharacters.absentFrom(code, false)) {
            errors.accept(new LineError(lineNo, "product_line", code, Reason.CONTROL_CHARACTER, null));
            return null;
        }
        if (!createsProductLines && !productLineCodes.contains(code)) {
            errors.accept(new LineError(lineNo, "product_line", code, Reason.UNKNOWN_PRODUCT_LINE, null));
            return null;
        }
        return code;
    }

    /**
     * The line's gross margin from {@code margin} or {@code cost} (amount − cost for a sale; for a
     * credit note the goods come back, amount + cost), or null when the line gives neither.
     */
    private static BigDecimal margin(long lineNo, Map<String, String> cells, BigDecimal amount,
            Consumer<LineError> errors) {
        BigDecimal cost = money(lineNo, cells, "cost", false, errors);
        if (cost != null && cost.signum() < 0) {
            errors.accept(new LineError(lineNo, "cost", cells.get("cost"), Reason.NEGATIVE_COST, null));
            cost = null;
        }
        BigDecimal given = money(lineNo, cells, "margin", false, errors);
        if (amount == null) {
            return null;
        }
        boolean credit = amount.signum() < 0;
        BigDecimal fromCost = cost == null ? null : credit ? amount.add(cost) : amount.subtract(cost);
        if (given == null) {
            return fromCost;
        }
        if (credit ? given.compareTo(amount) < 0 : given.compareTo(amount) > 0) {
            errors.accept(new LineError(lineNo, "margin", cells.get("margin"), Reason.MARGIN_EXCEEDS_AMOUNT, null));
        }
        if (fromCost != null && fromCost.compareTo(given) != 0) {
            errors.accept(new LineError(lineNo, "margin", cells.get("margin"), Reason.MARGIN_MISMATCH,
                    moneyText(fromCost)));
        }
        return given;
    }

    private static String text(long lineNo, Map<String, String> cells, String column, boolean required, int length,
            Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, column, required, errors);
        if (value != null && value.length() > length) {
            errors.accept(new LineError(lineNo, column, value, Reason.TOO_LONG, String.valueOf(length)));
            return null;
        }
        return value;
    }

    private static LocalDate date(long lineNo, Map<String, String> cells, String column, boolean required,
            Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, column, required, errors);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> date = CellFormats.date(value);
        if (date.isEmpty()) {
            errors.accept(new LineError(lineNo, column, value, Reason.BAD_DATE, null));
        }
        return date.orElse(null);
    }

    /** An amount of money: at most two decimals, smaller than NUMERIC(18, 2) allows; negative ones parse. */
    private static BigDecimal money(long lineNo, Map<String, String> cells, String column, boolean required,
            Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, column, required, errors);
        if (value == null) {
            return null;
        }
        Optional<BigDecimal> amount = CellFormats.amount(value);
        if (amount.isEmpty() || amount.get().abs().compareTo(LARGEST_AMOUNT) >= 0) {
            errors.accept(new LineError(lineNo, column, value, Reason.BAD_AMOUNT, null));
            return null;
        }
        return amount.get();
    }

    /** An amount in an error's detail, as pages write money without the currency sign: 1,234.50. */
    static String moneyText(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** Passes errors on and counts them, so the line knows whether it was clean. */
    private static final class Counter implements Consumer<LineError> {
        private final Consumer<LineError> target;
        int errors;

        Counter(Consumer<LineError> target) {
            this.target = target;
        }

        @Override
        public void accept(LineError error) {
            errors++;
            target.accept(error);
        }
    }
}
