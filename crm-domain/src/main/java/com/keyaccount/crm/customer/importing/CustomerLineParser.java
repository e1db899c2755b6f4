package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.importing.CellFormats;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Checks one line of {@code code,name,industry,region,owner[,phone,address,status,lost_reason,
 * annual_sales,employee_count,stage,close_class,expected_monthly_value,latitude,longitude,potential,adoption,potential_row,potential_column,
 * province,city]},
 * reporting every problem on it. The limits are the customer
 * form's; codes repeated across lines are found later, in the database.
 */
final class CustomerLineParser {

    static final List<String> REQUIRED = List.of("code", "name", "industry", "region", "owner");
    /** Every column read; a file may name them by their labels instead (see LabelledColumns). */
    static final List<String> COLUMNS = List.of("code", "name", "industry", "region", "owner", "phone", "address",
            "status", "lost_reason", "annual_sales", "employee_count", "stage", "close_class", "expected_monthly_value",
            LocationCells.LATITUDE, LocationCells.LONGITUDE, AssessmentCells.POTENTIAL, AssessmentCells.ADOPTION,
            AssessmentCells.POTENTIAL_ROW, AssessmentCells.POTENTIAL_COLUMN, PlaceCells.PROVINCE, PlaceCells.CITY);
    private static final Map<String, Integer> LENGTHS = Map.of("code", 40, "name", 200, "phone", 40,
            "address", 300, "lost_reason", 500);

    /** What the parser needs to know about the database: owners and codes already taken. */
    interface Book {
        /** The id of the enabled account manager with this username. */
        Optional<Long> accountManager(String username);

        /** Whether a deleted customer holds this code (codes are never reused). */
        boolean codeOfDeletedCustomer(String code);
    }

    private final Book book;
    private final Labels<Industry> industries;
    private final Labels<Region> regions;
    private final Labels<CustomerStatus> statuses;
    private final ProspectCells prospects;
    private final AssessmentCells assessments;

    CustomerLineParser(Book book, Labels<Industry> industries, Labels<Region> regions,
            Labels<CustomerStatus> statuses, ProspectCells prospects, AssessmentCells assessments) {
        this.book = book;
        this.industries = industries;
        this.regions = regions;
        this.statuses = statuses;
        this.prospects = prospects;
        this.assessments = assessments;
    }

    Optional<CustomerLine> parse(long lineNo, Map<String, String> cells, Consumer<LineError> sink) {
        int[] errors = {0};
        Consumer<LineError> counting = error -> {
            errors[0]++;
            sink.accept(error);
        };
        String code = text(lineNo, cells, "code", true, counting);
        if (code != null && book.codeOfDeletedCustomer(code)) {
            counting.accept(new LineError(lineNo, "code", code, Reason.DELETED_CUSTOMER, null));
        }
        String name = text(lineNo, cells, "name", true, counting);
        Industry industry = choice(lineNo, cells, "industry", industries, counting);
        String address = text(lineNo, cells, "address", false, counting);
        Place place = PlaceCells.parse(lineNo, cells, counting).orFrom(address);
        // a blank region is the province's (大区 are drawn from provinces)
        Region region = place.isKnown() && Cells.blank(cells.get("region"))
                ? ChinaDivisions.get().province(place.provinceCode()).region()
                : choice(lineNo, cells, "region", regions, counting);
        Long ownerId = owner(lineNo, cells, counting);
        String phone = text(lineNo, cells, "phone", false, counting);
        CustomerStatus status = Cells.blank(cells.get("status")) ? null : choice(lineNo, cells, "status", statuses, counting);
        String lostReason = text(lineNo, cells, "lost_reason", false, counting);
        if (status == CustomerStatus.LOST && lostReason == null) {
            counting.accept(new LineError(lineNo, "lost_reason", null, Reason.LOST_WITHOUT_REASON, null));
        }
        BigDecimal annualSales = number(lineNo, cells, "annual_sales", counting);
        Integer employees = count(lineNo, cells, "employee_count", counting);
        ProspectCells.Prospect prospect = prospects.parse(lineNo, cells, counting);
        LocationCells.Location location = LocationCells.parse(lineNo, cells, counting);
        AssessmentCells.Assessment assessment = assessments.parse(lineNo, cells, counting);
        if (errors[0] > 0) {
            return Optional.empty();
        }
        return Optional.of(new CustomerLine(lineNo, code, name, industry, region, ownerId, phone, address, status,
                lostReason, annualSales, employees, prospect, location, assessment, place));
    }

    private static String text(long lineNo, Map<String, String> cells, String column, boolean required,
            Consumer<LineError> errors) {
        String stripped = Cells.present(lineNo, cells, column, required, errors);
        if (stripped == null) {
            return null;
        }
        int limit = LENGTHS.getOrDefault(column, 200);
        if (stripped.length() > limit) {
            errors.accept(new LineError(lineNo, column, stripped, Reason.TOO_LONG, String.valueOf(limit)));
        }
        return stripped;
    }

    private static <E extends Enum<E>> E choice(long lineNo, Map<String, String> cells, String column,
            Labels<E> labels, Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, column, true, errors);
        if (value == null) {
            return null;
        }
        Optional<E> found = labels.find(value);
        if (found.isEmpty()) {
            errors.accept(new LineError(lineNo, column, value, Reason.UNKNOWN_VALUE, null));
        }
        return found.orElse(null);
    }

    private Long owner(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        String username = Cells.present(lineNo, cells, "owner", true, errors);
        if (username == null) {
            return null;
        }
        Optional<Long> id = book.accountManager(username);
        if (id.isEmpty()) {
            errors.accept(new LineError(lineNo, "owner", username, Reason.UNKNOWN_OWNER, null));
        }
        return id.orElse(null);
    }

    private static Integer count(long lineNo, Map<String, String> cells, String column, Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, column, false, errors);
        if (value == null) {
            return null;
        }
        String digits = value.replace(",", "");
        if (!digits.matches("\\d{1,9}")) {
            errors.accept(new LineError(lineNo, column, value, Reason.BAD_NUMBER, null));
            return null;
        }
        return Integer.valueOf(digits);
    }

    private static BigDecimal number(long lineNo, Map<String, String> cells, String column,
            Consumer<LineError> errors) {
        String value = Cells.present(lineNo, cells, column, false, errors);
        if (value == null) {
            return null;
        }
        Optional<BigDecimal> number = CellFormats.amount(value);
        if (number.isEmpty() || number.get().signum() < 0 || number.get().abs().compareTo(new BigDecimal("1E16")) >= 0) {
            errors.accept(new LineError(lineNo, column, value, Reason.BAD_NUMBER, null));
            return null;
        }
        return number.get();
    }
}
