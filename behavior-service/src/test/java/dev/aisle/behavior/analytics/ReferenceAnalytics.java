package dev.aisle.behavior.analytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A second formulation of the analytics, in plain Java over the raw event list, written from the documented
 * definitions without looking at the SQL: the tests require both to agree exactly.
 */
final class ReferenceAnalytics {

    /** One raw event with its product's category path (or null). */
    record Event(long id, String type, String userId, String sessionId, String productId, String query,
            Integer resultCount, BigDecimal value, Instant at, String category) {
    }

    private final List<Event> events;

    private final Map<String, Integer> segments;

    ReferenceAnalytics(List<Event> events, Map<String, Integer> segments) {
        this.events = events.stream().sorted(Comparator.comparing(Event::at).thenComparingLong(Event::id)).toList();
        this.segments = segments;
    }

    private static final class Sess {
        String user;
        Instant start;
        Instant end;
        long events;
        long views;
        long purchases;
        BigDecimal revenue = BigDecimal.ZERO;
    }

    private Predicate<Event> inSegment(Integer segment) {
        return e -> segment == null || (e.userId() != null && segment.equals(segments.get(e.userId())));
    }

    private static boolean inCategory(Event e, String category) {
        return e.category() != null && (e.category().equals(category) || e.category().startsWith(category + " > "));
    }

    /** The KPI series of the filter, bucketed by session start. */
    List<Kpis> kpis(AnalyticsFilter filter, Interval interval, List<LocalDate> periods) {
        Instant from = filter.start().toInstant();
        Instant to = filter.end().toInstant();
        Map<String, Sess> sessions = new HashMap<>();
        for (Event e : events) {
            if (e.sessionId() == null || !inSegment(filter.segment()).test(e)) {
                continue;
            }
            if (filter.category() != null && !inCategory(e, filter.category())) {
                continue;
            }
            Sess s = sessions.computeIfAbsent(e.sessionId(), k -> new Sess());
            if (e.userId() != null && (s.user == null || e.userId().compareTo(s.user) < 0)) {
                s.user = e.userId();
            }
            s.start = s.start == null || e.at().isBefore(s.start) ? e.at() : s.start;
            s.end = s.end == null || e.at().isAfter(s.end) ? e.at() : s.end;
            s.events++;
            if (e.type().equals("view")) {
                s.views++;
            }
            if (e.type().equals("purchase")) {
                s.purchases++;
                s.revenue = s.revenue.add(e.value());
            }
        }
        Map<LocalDate, List<Sess>> byPeriod = new TreeMap<>();
        List<Sess> all = new ArrayList<>();
        for (Sess s : sessions.values()) {
            if (!s.start.isBefore(from) && s.start.isBefore(to)) {
                LocalDate day = LocalDate.ofInstant(s.start, ZoneOffset.UTC);
                byPeriod.computeIfAbsent(interval.start(day), k -> new ArrayList<>()).add(s);
                all.add(s);
            }
        }
        List<Kpis> out = new ArrayList<>();
        out.add(totals(all).kpis(null));
        for (LocalDate period : periods) {
            out.add(totals(byPeriod.getOrDefault(period, List.of())).kpis(period));
        }
        return out;
    }

    private static SessionTotals totals(List<Sess> sessions) {
        Set<String> users = new HashSet<>();
        long views = 0;
        long bounces = 0;
        long orders = 0;
        BigDecimal duration = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Sess s : sessions) {
            if (s.user != null) {
                users.add(s.user);
            }
            views += s.views;
            bounces += s.events == 1 ? 1 : 0;
            orders += s.purchases > 0 ? 1 : 0;
            duration = duration.add(BigDecimal.valueOf(Duration.between(s.start, s.end).toNanos(), 9));
            revenue = revenue.add(s.revenue);
        }
        return new SessionTotals(sessions.size(), users.size(), views, duration, bounces, orders, revenue);
    }

    /** Step counts of an ordered funnel, by session or (with a window) by user. */
    long[] funnel(AnalyticsFilter filter, List<String> steps, Integer withinDays) {
        Map<String, List<Event>> byKey = new HashMap<>();
        for (Event e : events) {
            String key = withinDays == null ? e.sessionId() : e.userId();
            if (key != null && (filter.category() == null || inCategory(e, filter.category()))) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        }
        long[] counts = new long[steps.size()];
        Instant from = filter.start().toInstant();
        Instant to = filter.end().toInstant();
        for (List<Event> list : byKey.values()) {
            int start = -1;
            for (int i = 0; i < list.size(); i++) {
                Event e = list.get(i);
                if (e.type().equals(steps.get(0)) && !e.at().isBefore(from) && e.at().isBefore(to)
                        && inSegment(filter.segment()).test(e)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                continue;
            }
            Instant limit = withinDays == null ? Instant.MAX : list.get(start).at().plus(Duration.ofDays(withinDays));
            counts[0]++;
            int step = 1;
            for (int i = start + 1; i < list.size() && step < steps.size(); i++) {
                if (list.get(i).type().equals(steps.get(step)) && !list.get(i).at().isAfter(limit)) {
                    counts[step++]++;
                }
            }
        }
        return counts;
    }

    /** Cohort week → users active k weeks later (k = 0..weeks), by session start. */
    Map<LocalDate, long[]> cohorts(AnalyticsFilter filter, int weeks) {
        Map<String, List<LocalDate>> activeWeeks = new HashMap<>();
        Map<String, Instant> sessionStart = new HashMap<>();
        Map<String, String> sessionUser = new HashMap<>();
        for (Event e : events) {
            if (e.sessionId() == null || (filter.category() != null && !inCategory(e, filter.category()))) {
                continue;
            }
            sessionStart.merge(e.sessionId(), e.at(), (a, b) -> a.isBefore(b) ? a : b);
            if (e.userId() != null) {
                sessionUser.merge(e.sessionId(), e.userId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        sessionUser.forEach((session, user) -> activeWeeks.computeIfAbsent(user, k -> new ArrayList<>())
                .add(Interval.WEEK.start(LocalDate.ofInstant(sessionStart.get(session), ZoneOffset.UTC))));
        Map<LocalDate, long[]> table = new TreeMap<>();
        LocalDate fromWeek = Interval.WEEK.start(filter.from());
        LocalDate toWeek = Interval.WEEK.start(filter.to());
        activeWeeks.forEach((user, list) -> {
            LocalDate first = list.stream().min(Comparator.naturalOrder()).orElseThrow();
            if (first.isBefore(fromWeek) || first.isAfter(toWeek)
                    || (filter.segment() != null && !filter.segment().equals(segments.get(user)))) {
                return;
            }
            long[] row = table.computeIfAbsent(first, k -> new long[weeks + 1]);
            list.stream().distinct().forEach(week -> {
                long k = Duration.between(first.atStartOfDay(), week.atStartOfDay()).toDays() / 7;
                if (k <= weeks) {
                    row[(int) k]++;
                }
            });
        });
        return table;
    }

    /** Product id → view count of events in the range. */
    Map<String, Long> productViews(AnalyticsFilter filter) {
        Map<String, Long> views = new HashMap<>();
        for (Event e : events) {
            if (e.type().equals("view") && inSegment(filter.segment()).test(e)
                    && (filter.category() == null || inCategory(e, filter.category()))
                    && !e.at().isBefore(filter.start().toInstant())
                    && e.at().isBefore(filter.end().toInstant())) {
                views.merge(e.productId(), 1L, Long::sum);
            }
        }
        return views;
    }

    /** Lower-cased trimmed query → zero-result searches in the range. */
    Map<String, Long> zeroResultQueries(AnalyticsFilter filter) {
        Map<String, Long> counts = new HashMap<>();
        for (Event e : events) {
            if (e.type().equals("search") && e.query() != null && Integer.valueOf(0).equals(e.resultCount())
                    && inSegment(filter.segment()).test(e)
                    && !e.at().isBefore(filter.start().toInstant()) && e.at().isBefore(filter.end().toInstant())) {
                counts.merge(e.query().strip().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
            }
        }
        return counts;
    }
    /** A product's or category's counts; revenue without trailing zeros, so equal amounts compare equal. */
    record Counts(String key, long views, long carts, long purchases, BigDecimal revenue) {

        /** The value of a top-list metric, for sorting. */
        BigDecimal metric(String metric) {
            return switch (metric) {
                case "views" -> BigDecimal.valueOf(views);
                case "carts" -> BigDecimal.valueOf(carts);
                case "purchases" -> BigDecimal.valueOf(purchases);
                default -> revenue;
            };
        }
    }

    /**
     * The top list of product events in the range: by product ({@code level} < 0) or by category path truncated
     * to {@code level} levels (0 = full path; events of products without a category left out), ordered by the
     * metric descending, then by key. Revenue sums the values of purchases.
     */
    List<Counts> topList(AnalyticsFilter filter, int level, String metric, int limit) {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (Event e : events) {
            if (e.productId() == null || !inSegment(filter.segment()).test(e)
                    || (filter.category() != null && !inCategory(e, filter.category()))
                    || e.at().isBefore(filter.start().toInstant()) || !e.at().isBefore(filter.end().toInstant())
                    || (level >= 0 && e.category() == null)) {
                continue;
            }
            String key = e.productId();
            if (level >= 0) {
                String[] parts = e.category().split(" > ");
                key = level == 0 ? e.category()
                        : String.join(" > ", java.util.Arrays.copyOf(parts, Math.min(level, parts.length)));
            }
            long[] c = counts.computeIfAbsent(key, k -> new long[3]);
            revenue.putIfAbsent(key, BigDecimal.ZERO);
            switch (e.type()) {
                case "view" -> c[0]++;
                case "add_to_cart" -> c[1]++;
                case "purchase" -> {
                    c[2]++;
                    if (e.value() != null) {
                        revenue.merge(key, e.value(), BigDecimal::add);
                    }
                }
                default -> {
                }
            }
        }
        return counts.entrySet().stream()
                .map(en -> new Counts(en.getKey(), en.getValue()[0], en.getValue()[1], en.getValue()[2],
                        revenue.get(en.getKey()).stripTrailingZeros()))
                .sorted(Comparator.comparing((Counts c) -> c.metric(metric)).reversed()
                        .thenComparing(Counts::key))
                .limit(limit).toList();
    }
}
