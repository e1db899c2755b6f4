package com.keyaccount.crm.customer.web;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerCriteria;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.PotentialFactors;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.customer.PotentialAssessment;
import com.keyaccount.crm.exporting.ViewExports;
import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The customer list as on screen, with its filters and sort, every page of it, as a file. */
@Controller
@RequiredArgsConstructor
class CustomerListExportController {

    /** The potential's factor levels last, named as the table in force names them, so the file imports back. */
    static final String[] COLUMNS = {"code", "name", "tier", "region", "province", "city", "industry", "status", "owner", "potential",
        "adoption", "potential_row", "potential_column"};
    /** Read a chunk at a time, so memory stays flat however many customers match. */
    private static final int CHUNK = 1_000;

    private final CustomerService customers;
    private final ViewExports views;
    private final Clock clock;
    private final ZoneId businessZone;
    private final PotentialFactorsService potentialFactors;

    @GetMapping("/customers/export.{format:csv|xlsx}")
    void export(@PathVariable String format, @ModelAttribute("query") CustomerListQuery query,
            BindingResult ignoredBadFilters, Viewer viewer, Locale locale, HttpServletResponse response)
            throws IOException {
        CustomerCriteria criteria = query.criteria(LocalDate.now(clock.withZone(businessZone)), businessZone);
        var sort = query.pageable().getSort();
        PotentialFactors factors = potentialFactors.current().factors();
        views.send(viewer, "customer-list", format, COLUMNS, locale, response, sink -> {
            for (int chunk = 0; ; chunk++) {
                Page<Customer> page = customers.search(viewer, criteria, PageRequest.of(chunk, CHUNK, sort));
                for (Customer c : page) {
                    PotentialAssessment assessment = c.getAssessment();
                    if (!sink.row(c.getCode(), c.getName(), c.getTier(), c.getRegion(), c.place().provinceCode(), c.place().cityCode(),
                            c.getIndustry(), c.getStatus(),
                            c.getOwner().getDisplayName(), assessment.getPotential(), assessment.getAdoption(),
                            level(factors.rows(), assessment.getPotentialRow(), locale),
                            level(factors.columns(), assessment.getPotentialColumn(), locale))) {
                        return;
                    }
                }
                if (!page.hasNext()) {
                    return;
                }
            }
        });
    }

    private static String level(PotentialFactors.Factor factor, Integer level, Locale locale) {
        return level == null ? null : factor.levels().get(level).in(locale);
    }
}
