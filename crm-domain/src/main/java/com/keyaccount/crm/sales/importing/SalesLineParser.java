package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.CellFormats;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks one line of {@code customer_code,order_no,order_date,amount,due_date,paid_date} and
 * reports every problem on it, not only the first. Duplicates across lines are found later,
 * in the database, so memory stays bounded however long the file is.
 */
final class SalesLineParser {

    static final List<String> REQUIRED = List.of("customer_code", "order_no", "order_date", "amount");
    static final int ORDER_NO_LENGTH = 40;
    /** sales_order.amount is NUMERIC(18, 2). */
    static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1E16");

    private final Map<String, Long> customerIdsByCode;

    SalesLineParser(Map<String, Long> customerIdsByCode) {
        this.customerIdsByCode = customerIdsByCode;
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
        String orderNo = Cells.present(lineNo, cells, "order_no", true, counting);
        if (orderNo != null && orderNo.length() > ORDER_NO_LENGTH) {
            counting.accept(new LineError(lineNo, "order_no", orderNo, Reason.TOO_LONG, String.valueOf(ORDER_NO_LENGTH)));
        }
        LocalDate orderDate = date(lineNo, cells, "order_date", true, counting);
        BigDecimal amount = amount(lineNo, cells, counting);
        LocalDate dueDate = date(lineNo, cells, "due_date", false, counting);
        LocalDate paidDate = date(lineNo, cells, "paid_date", false, counting);
        if (orderDate != null && paidDate != null && paidDate.isBefore(orderDate)) {
            counting.accept(new LineError(lineNo, "paid_date", cells.get("paid_date"), Reason.PAID_BEFORE_ORDER, null));
        }
        if (orderDate != null && dueDate != null && dueDate.isBefore(orderDate)) {
            counting.accept(new LineError(lineNo, "due_date", cells.get("due_date"), Reason.DUE_BEFORE_ORDER, null));
        }
        if (counting.errors > 0) {
            return Optional.empty();
        }
        return Optional.of(new SalesLine(lineNo, customerId, orderNo, orderDate, amount, dueDate, paidDate));
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

    private static BigDecimal amount(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, "amount", true, errors);
        if (value == null) {
            return null;
        }
        Optional<BigDecimal> amount = CellFormats.amount(value);
        if (amount.isEmpty()) {
            errors.accept(new LineError(lineNo, "amount", value, Reason.BAD_AMOUNT, null));
            return null;
        }
        if (amount.get().abs().compareTo(LARGEST_AMOUNT) >= 0) {
            errors.accept(new LineError(lineNo, "amount", value, Reason.BAD_AMOUNT, null));
            return null;
        }
        if (amount.get().signum() < 0) {
            errors.accept(new LineError(lineNo, "amount", value, Reason.NEGATIVE_AMOUNT, null));
            return null;
        }
        return amount.get();
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
