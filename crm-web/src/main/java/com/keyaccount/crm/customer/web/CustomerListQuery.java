package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.CustomerCriteria;
import com.keyaccount.crm.customer.CustomerFocus.GridCell;
import com.keyaccount.crm.customer.CustomerFocus.SalesWindow;
import com.keyaccount.crm.customer.CustomerFocus.TierMove;
import com.keyaccount.crm.customer.CustomerFocus;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Division;
import com.keyaccount.crm.customer.GridColumn;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Place;
import com.keyaccount.crm.customer.PotentialBand;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.web.PageNumbers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer list's query string: filters, sort and page. Unknown sort keys or filter values
 * are ignored rather than failing the page.
 */
@Getter
@Setter
public class CustomerListQuery {

    static final int PAGE_SIZE = 25;

    /** Sort keys a user may choose, mapped to entity properties. */
    private static final Map<String, String> SORTABLE = Map.of(
            "name", "name", "code", "code", "tier", "tier", "region", "region",
            "industry", "industry", "status", "status", "updated", "updatedAt");

    private String q;
    private Tier tier;
    /** A product line: {@code tier} is then the customer's tier on that line. */
    private Long line;
    private Region region;
    /** Codes of the national list; one that is not on it, or a city of another province, is ignored. */
    private String province;
    private String city;
    private Industry industry;
    private Long owner;
    private CustomerStatus status;
    // the customers behind a figure of the dashboard's pages (see CustomerFocus); kept by the
    // filter form in hidden fields and shown as chips
    private Boolean unclassified;
    private Boolean served;
    private Boolean overdue;
    private Integer silentDays;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate soldFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate soldTo;
    private Long soldLine;
    /** A tier ("A" … "E") or "-" (not yet classified), with {@code movedTo}, {@code since} and {@code until}. */
    private String movedFrom;
    private String movedTo;
    /** "up" or "down": every upgrade or downgrade between {@code since} and {@code until}. */
    private String moved;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate since;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate until;
    /** A cell of the nine-grid: both {@code potential} and {@code adoption}, or {@code notAssessed}. */
    private PotentialBand potential;
    private GridColumn adoption;
    private Boolean notAssessed;
    private String sort = "name";
    private String dir = "asc";
    private int page;

    /** A control character typed into the search box can match nothing stored, so it is dropped. */
    CustomerCriteria criteria(LocalDate today, ZoneId zone) {
        return new CustomerCriteria(ControlCharacters.removedFrom(q), tier, region, industry, owner, status, line,
                focus(today, zone), place());
    }

    /** The province (and city) filtered by, where the codes make sense together. */
    public Place place() {
        ChinaDivisions divisions = ChinaDivisions.get();
        return divisions.find(province).filter(Division::isProvince)
                .map(p -> new Place(p.code(), divisions.find(city).filter(c -> p.code().equals(c.provinceCode()))
                        .map(Division::code).orElse(null)))
                .orElse(Place.NONE);
    }

    private static final Set<String> MOVE_TIERS = Set.of("A", "B", "C", "D", "E", "-");

    /** A part that does not make sense (half a period, an unknown tier) is left out, as other bad filters are. */
    CustomerFocus focus(LocalDate today, ZoneId zone) {
        return new CustomerFocus(Boolean.TRUE.equals(unclassified), Boolean.TRUE.equals(served),
                Boolean.TRUE.equals(overdue) ? today : null,
                silentDays != null && silentDays > 0 && silentDays <= 3660
                        ? today.minusDays(silentDays).atStartOfDay(zone).toInstant() : null,
                hasSales() ? new SalesWindow(soldFrom, soldTo, soldLine) : null, move(zone), cell());
    }

    /** The nine-grid's cell, when the filter names a whole one. */
    public GridCell cell() {
        if (potential != null && adoption != null) {
            return new GridCell(potential, adoption);
        }
        return Boolean.TRUE.equals(notAssessed) ? GridCell.NOT_ASSESSED : null;
    }

    public boolean hasSales() {
        return soldFrom != null && soldTo != null;
    }

    public boolean hasMove() {
        return since != null && until != null && !since.isAfter(until)
                && ((movedFrom != null && MOVE_TIERS.contains(movedFrom) && movedTo != null && MOVE_TIERS.contains(movedTo))
                    || "up".equals(moved) || "down".equals(moved));
    }

    /** Whether any of the dashboard's drill-down filters is on. */
    public boolean hasFocus() {
        return Boolean.TRUE.equals(unclassified) || Boolean.TRUE.equals(served) || Boolean.TRUE.equals(overdue)
                || silentDays != null || hasSales() || hasMove() || cell() != null;
    }

    private TierMove move(ZoneId zone) {
        if (!hasMove()) {
            return null;
        }
        var start = since.atStartOfDay(zone).toInstant();
        var end = until.plusDays(1).atStartOfDay(zone).toInstant();
        return movedFrom != null && movedTo != null && MOVE_TIERS.contains(movedFrom) && MOVE_TIERS.contains(movedTo)
                ? TierMove.between(start, end, tierOf(movedFrom), tierOf(movedTo))
                : TierMove.all(start, end, "up".equals(moved));
    }

    private static Tier tierOf(String code) {
        return "-".equals(code) ? null : Tier.valueOf(code);
    }

    Pageable pageable() {
        String property = SORTABLE.getOrDefault(sort, "name");
        Sort.Direction direction = "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
        // id last, so rows with equal sort values keep a stable order across pages
        return PageRequest.of(PageNumbers.bounded(page, PAGE_SIZE), PAGE_SIZE, Sort.by(direction, property).and(Sort.by("id")));
    }

    public String pageUrl(int targetPage) {
        return url(sort, dir, targetPage);
    }

    /** Clicking the current sort column flips the direction; another column starts ascending. */
    public String sortUrl(String key) {
        String nextDir = key.equals(sort) && "asc".equals(dir) ? "desc" : "asc";
        return url(key, nextDir, 0);
    }

    public boolean sortedBy(String key, String direction) {
        return key.equals(sort) && direction.equals(dir);
    }

    /** The same customers, every page, as a file. */
    public String exportUrl(String format) {
        return url("/customers/export." + format, sort, dir, 0, true);
    }

    /** The same filters without the drill-down ones. */
    public String withoutFocusUrl() {
        return url("/customers", sort, dir, 0, false);
    }

    private String url(String sortKey, String direction, int targetPage) {
        return url("/customers", sortKey, direction, targetPage, true);
    }

    private String url(String path, String sortKey, String direction, int targetPage, boolean withFocus) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        String term = ControlCharacters.removedFrom(q);
        add(b, "q", term == null || term.isBlank() ? null : term.strip());
        add(b, "tier", tier);
        add(b, "line", line);
        add(b, "region", region);
        add(b, "province", place().provinceCode());
        add(b, "city", place().cityCode());
        add(b, "industry", industry);
        add(b, "owner", owner);
        add(b, "status", status);
        if (withFocus) {
            add(b, "unclassified", unclassified);
            add(b, "served", served);
            add(b, "overdue", overdue);
            add(b, "silentDays", silentDays);
            add(b, "soldFrom", soldFrom);
            add(b, "soldTo", soldTo);
            add(b, "soldLine", soldLine);
            add(b, "movedFrom", movedFrom);
            add(b, "movedTo", movedTo);
            add(b, "moved", moved);
            add(b, "since", since);
            add(b, "until", until);
            add(b, "potential", potential);
            add(b, "adoption", adoption);
            add(b, "notAssessed", notAssessed);
        }
        add(b, "sort", sortKey);
        add(b, "dir", direction);
        add(b, "page", targetPage == 0 ? null : targetPage);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }
}
