package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The funnel and prospect list pages over {@link ProspectBook}: what a director and an account
 * manager see, every figure opening as many prospects as it counts, the files of "Export this
 * view", and bad input.
 */
@FullStackTest
class ProspectFunnelPageTest {

    private static final Pattern LIST_COUNT = Pattern.compile("([\\d,]+) prospects");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private ProspectBook book;
    private AppUser director;

    ProspectFunnelPageTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        book = new ProspectBook(fixtures, jdbc, fixtures.user(Role.ACCOUNT_MANAGER), fixtures.user(Role.ACCOUNT_MANAGER));
        director = fixtures.user(Role.SALES_DIRECTOR);
    }

    @Test
    void everyFigureOfTheFunnelOpensAsManyProspectsAsItCounts() throws Exception {
        Document page = page(director, funnelUrl());
        assertThat(page.select("#stage-A21 a.now").text()).isEqualTo("2");
        assertThat(page.select("#stage-A21 a.stood").text()).isEqualTo("3");
        assertThat(page.select("#stage-A08 .conversion").text()).isEqualTo("25.0%");
        assertThat(page.select("#stage-A08 .median").text()).isEqualTo("30.0");
        assertThat(page.select("#kpi-prospects .kpi-value").text()).isEqualTo("7");
        List<Element> figures = new ArrayList<>(page.select("#stage-table a.now, #stage-table a.stuck"));
        for (String section : List.of("by-close", "by-priority", "by-manager", "by-region", "reasons")) {
            figures.addAll(page.select("#" + section + " td.num a"));
        }
        int checked = 0;
        for (Element link : figures) {
            assertThat(listCount(link.attr("href"))).as(link.attr("href"))
                    .isEqualTo(Integer.parseInt(link.text().replace(",", "")));
            checked++;
        }
        assertThat(checked).isGreaterThan(40);
        for (Element kpi : page.select("#kpis a.kpi")) {
            assertThat(listCount(kpi.attr("href"))).as(kpi.id())
                    .isEqualTo(Integer.parseInt(kpi.select(".kpi-value").text()));
        }
    }

    @Test
    void thePeriodFiguresOpenTheProspectsThatStoodMovedUpOrLeft() throws Exception {
        Document page = page(director, funnelUrl());
        // no prospect came back to a stage within the period here, so stays and prospects agree
        for (String stage : List.of("A21", "A08", "A31", "A07", "A06", "A05")) {
            for (String figure : List.of("stood", "up")) {
                Element link = page.selectFirst("#stage-" + stage + " a." + figure);
                assertThat(listCount(link.attr("href"))).as(stage + " " + figure)
                        .isEqualTo(Integer.parseInt(link.text()));
            }
        }
        Element median = page.selectFirst("#stage-A08 .median a");
        Document left = page(director, median.attr("href"));
        assertThat(left.select("#prospect-table tbody tr")).hasSize(4);
        assertThat(left.select("#filter-chips").text()).contains("Left A08 In scope between");
    }

    @Test
    void theDefinitionsAreOnThePage() throws Exception {
        Document page = page(director, funnelUrl());
        assertThat(page.select("#definitions dd")).hasSize(7);
        assertThat(page.select("#definitions").text()).contains("stands at A21 Lead since it was created",
                "whose stage has not changed for 30 days or more", "a first stay counts from the day the customer was created");
    }

    @Test
    void anAccountManagerSeesTheirOwnBookWhateverOwnerTheyAskFor() throws Exception {
        Document funnel = page(book.manager, "/prospects/funnel?owner=" + book.other.getId());
        assertThat(funnel.select("#kpi-prospects .kpi-value").text()).isEqualTo("7");
        assertThat(funnel.select("#by-manager")).isEmpty();
        assertThat(funnel.select("select[name=owner]")).isEmpty();
        Document list = page(book.manager, "/prospects?owner=" + book.other.getId());
        assertThat(list.select("#prospect-count").text()).isEqualTo("7 prospects");
        assertThat(list.text()).doesNotContain(book.name("h")).contains(book.name("a"));
        assertThat(list.select("#filter-chips").text()).doesNotContain("Account manager");
        // the other manager's prospect behind a stage filter stays out of reach too
        Document a08 = page(book.manager, "/prospects?stage=A08&owner=" + book.other.getId());
        assertThat(a08.select("#prospect-count").text()).isEqualTo("0 prospects");
        String csv = body(book.manager, "/prospects/export.csv?owner=" + book.other.getId());
        assertThat(csv).contains(book.name("a")).doesNotContain(book.name("h"));
    }

    @Test
    void theMenuOffersTheFunnelToDirectorsOnly() throws Exception {
        assertThat(page(director, "/my-day").select("nav.menu a[href=\"/prospects/funnel\"]")).hasSize(1);
        assertThat(page(book.manager, "/my-day").select("nav.menu a[href=\"/prospects/funnel\"]")).isEmpty();
    }

    @Test
    void theListFiltersShowAsChipsAndEachChipTakesItsFilterAway() throws Exception {
        Document page = page(director, "/prospects?owner=" + book.manager.getId() + "&state=refused&region=EAST");
        assertThat(page.select("#prospect-count").text()).isEqualTo("1 prospects");
        assertThat(page.select("#prospect-table tbody tr a").attr("href")).isEqualTo("/customers/" + book.id("c") + "/prospect");
        assertThat(page.select("#filter-chips .chip").eachText()).containsExactly(
                "Account manager: " + book.manager.getDisplayName() + " ×", "Region: East China ×", "Refused ×");
        String withoutRegion = page.select("#filter-chips .chip").get(1).select("a").attr("href");
        assertThat(listCount(withoutRegion)).isEqualTo(2);
        Document row = page(director, "/prospects?owner=" + book.manager.getId() + "&reason=PRICE");
        assertThat(row.select("#prospect-table tbody tr").text()).contains("A31 Clear refusal", "Price", "E: no chance",
                "Priority D");
    }

    @Test
    void theListSortsAndPages() throws Exception {
        Document byDays = page(director, "/prospects?owner=" + book.manager.getId() + "&sort=days&dir=desc");
        assertThat(byDays.select("#prospect-table tbody tr").first().text()).contains(book.name("a"), "100");
        Document byStage = page(director, "/prospects?owner=" + book.manager.getId() + "&sort=stage&dir=desc");
        assertThat(byStage.select("#prospect-table tbody tr").first().text()).contains(book.name("f"), "A02 Won");
        assertThat(listCount("/prospects?owner=" + book.manager.getId() + "&page=2147483647")).isEqualTo(7);
    }

    @Test
    void nonsenseInTheAddressBarNeverBreaksThePages() throws Exception {
        Document funnel = page(director, "/prospects/funnel?from=2026-13-45&to=1000-01-01&stuckDays=-5&region=MARS&owner=abc");
        assertThat(funnel.select("#stage-table")).hasSize(1);
        assertThat(funnel.select(".field-error").text()).contains("Stuck after", "between 2000 and 2100");
        Document reversed = page(director, "/prospects/funnel?from=2026-05-01&to=2026-01-01");
        assertThat(reversed.select(".field-error").text()).contains("must end on or after");
        Document list = page(director, "/prospects?stage=%3Cscript%3E&closeClass=Z&priority=%00&stuckDays=999999"
                + "&state=gone&focus=up&focusStage=A08&from=2026-02-01&to=2026-01-01&reason=NOPE&page=-4&sort=x");
        assertThat(list.select(".field-error").text()).contains("was not recognised");
        assertThat(list.select("#filter-chips")).isEmpty();
        assertThat(list.html()).doesNotContain("<script>");
    }

    @Test
    void theListExportsInTheReadersLanguageWithoutCodes() throws Exception {
        String csv = body(director, "/prospects/export.csv?owner=" + book.manager.getId() + "&sort=name");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFCompany name,Account manager,Stage,Close-time class,Priority class,"
                + "Expected monthly value (CNY),Days at the stage,Last contact,Refusal reason");
        assertThat(lines).hasSize(8);
        String c = java.util.Arrays.stream(lines).filter(l -> l.startsWith(book.name("c"))).findFirst().orElseThrow();
        assertThat(c).isEqualTo(book.name("c") + "," + book.manager.getDisplayName()
                + ",A31 Clear refusal,E: no chance,Priority D,,5,,Price");
        String b = java.util.Arrays.stream(lines).filter(l -> l.startsWith(book.name("b"))).findFirst().orElseThrow();
        assertThat(b).contains(",A07 Not refused,B: within 3 months,Priority A,60000.00,20,");
        String zh = new String(mvc.perform(get("/prospects/export.csv?owner=" + book.manager.getId())
                .with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(zh).contains("公司名称,客户经理,阶段", "A31 明确拒绝", "价格不合适").doesNotContain("PRICE", "HAS_SUPPLIER");
        MockHttpServletResponse xlsx = mvc.perform(get("/prospects/export.xlsx?owner=" + book.manager.getId())
                .with(user(Fixtures.principal(director)))).andReturn().getResponse();
        assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        assertThat(xlsx.getContentAsByteArray()).startsWith('P', 'K');
    }

    @Test
    void theFunnelExportHoldsItsTablesInWords() throws Exception {
        String csv = body(director, funnelUrl().replace("/prospects/funnel?", "/prospects/funnel/export.csv?"));
        assertThat(csv).startsWith("\uFEFFTable,Row,Class,Prospects now,Stuck,Still climbing,Refused,Won,"
                + "In the stage during the period,Moved up,Conversion,Median days in the stage");
        assertThat(csv).contains("Stages,A08 In scope,,0,0,,,,4,1,0.25,30.0", "Stages,A21 Lead,,2,1,,,,3,1,",
                "Per region,North China,,1,0,0,1,0", "Refusal reasons,Price,,1",
                "Prospects per stage and close-time class,A07 Not refused,B: within 3 months,1",
                "Per account manager," + book.manager.getDisplayName() + ",,7,1,4,2,1");
        assertThat(csv).doesNotContain("HAS_SUPPLIER", ",none,");
    }

    private String funnelUrl() {
        return "/prospects/funnel?owner=" + book.manager.getId() + "&from=" + book.today.minusDays(30) + "&to="
                + book.today + "&stuckDays=30";
    }

    private Document page(AppUser who, String url) throws Exception {
        return Jsoup.parse(body(who, url));
    }

    private String body(AppUser who, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(Fixtures.principal(who)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private int listCount(String url) throws Exception {
        Matcher m = LIST_COUNT.matcher(page(director, url).select("#prospect-count").text());
        assertThat(m.matches()).as(url).isTrue();
        return Integer.parseInt(m.group(1).replace(",", ""));
    }
}
