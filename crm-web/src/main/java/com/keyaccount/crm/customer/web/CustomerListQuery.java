package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.CustomerCriteria;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.web.PageNumbers;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
    private Industry industry;
    private Long owner;
    private CustomerStatus status;
    private String sort = "name";
    private String dir = "asc";
    private int page;

    /** A control character typed into the search box can match nothing stored, so it is dropped. */
    CustomerCriteria criteria() {
        return new CustomerCriteria(ControlCharacters.removedFrom(q), tier, region, industry, owner, status, line);
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

    private String url(String sortKey, String direction, int targetPage) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/customers");
        String term = ControlCharacters.removedFrom(q);
        add(b, "q", term == null || term.isBlank() ? null : term.strip());
        add(b, "tier", tier);
        add(b, "line", line);
        add(b, "region", region);
        add(b, "industry", industry);
        add(b, "owner", owner);
        add(b, "status", status);
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
