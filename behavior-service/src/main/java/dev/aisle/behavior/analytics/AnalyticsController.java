package dev.aisle.behavior.analytics;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analysts' read API: KPI series, funnels, retention cohorts and top lists over a UTC date range. */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    private final KpiQueries kpis;

    private final FunnelQueries funnels;

    private final CohortQueries cohorts;

    private final TopListQueries tops;

    AnalyticsController(KpiQueries kpis, FunnelQueries funnels, CohortQueries cohorts, TopListQueries tops) {
        this.kpis = kpis;
        this.funnels = funnels;
        this.cohorts = cohorts;
        this.tops = tops;
    }

    @Operation(summary = "KPI series by day, week or month", description = """
            Sessions are attributed to the period of their first event (UTC) and every KPI is over those sessions. \
            pageViews = `view` events; uniqueUsers = distinct user ids; avgSessionDurationSeconds = mean of \
            (last event − first event); pagesPerSession = pageViews / sessions; \
            **bounceRate = sessions with exactly one event / sessions**; conversionRate = sessions with at least \
            one purchase / sessions; revenue = sum of purchase values; orders = sessions with a purchase (one \
            checkout per session); averageOrderValue = revenue / orders. `category` (a path prefix such as \
            `Sports > Basketball`) keeps only events on products of that subtree (the product's category when the \
            event arrived), as if the shop sold only that category: a session counts when it has such an event and \
            starts at the first one; `segment` keeps only users of that segment. Weeks start on Monday. \
            from > to, an unknown \
            interval or a bad date is a 400.""")
    @GetMapping("/kpis")
    KpiQueries.KpiReport kpis(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "day") String interval,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer segment) {
        return kpis.series(new AnalyticsFilter(from, to, category, segment), Interval.parse(interval));
    }

    @Operation(summary = "Ordered funnel with step conversion and drop-off", description = """
            `steps` lists 2–10 event types in order (e.g. view,add_to_cart,purchase). Without `withinDays` the \
            funnel runs within a session; with it, per user, each later step within N days of the user's step-1 \
            event. An entity enters at its first step-1 event in [from, to]; each later step must follow the \
            previous matched event. `category` counts only events on products of that subtree as steps; \
            `segment` keeps entities whose entry event's user is in that segment. An unknown step type is a 400.""")
    @GetMapping("/funnel")
    FunnelReport funnel(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam String steps,
            @RequestParam(required = false) Integer withinDays,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer segment) {
        return funnels.funnel(new AnalyticsFilter(from, to, category, segment), FunnelQueries.parseSteps(steps),
                withinDays);
    }

    @Operation(summary = "Weekly retention cohorts", description = """
            Users by the ISO week of their first session; column k is the share of the cohort with a session \
            starting k weeks later. Cohorts whose first week lies in the weeks of [from, to]. With `category`, \
            only the sessions' events on products of that subtree count (first session and activity in the \
            category).""")
    @GetMapping("/cohorts")
    CohortTable cohorts(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "8") int weeks,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer segment) {
        return cohorts.cohorts(new AnalyticsFilter(from, to, category, segment), weeks);
    }

    @Operation(summary = "Top products by views, carts, purchases or revenue (events by their own time)")
    @GetMapping("/top-products")
    List<TopListQueries.ProductCount> topProducts(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "views") String metric,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer segment) {
        return tops.products(new AnalyticsFilter(from, to, category, segment), metric, limit);
    }

    @Operation(summary = "Top categories (path cut to `level` levels; 0 = full path)")
    @GetMapping("/top-categories")
    List<TopListQueries.CategoryCount> topCategories(
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "views") String metric,
            @RequestParam(defaultValue = "0") int level,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer segment) {
        return tops.categories(new AnalyticsFilter(from, to, category, segment), metric, level, limit);
    }

    @Operation(summary = "Top search queries (lower-cased, trimmed)")
    @GetMapping("/top-queries")
    List<TopListQueries.QueryCount> topQueries(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) Integer segment) {
        return tops.queries(new AnalyticsFilter(from, to, null, segment), false, limit);
    }

    @Operation(summary = "Top search queries that returned no result")
    @GetMapping("/zero-result-queries")
    List<TopListQueries.QueryCount> zeroResultQueries(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) Integer segment) {
        return tops.queries(new AnalyticsFilter(from, to, null, segment), true, limit);
    }
}
