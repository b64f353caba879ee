package dev.aisle.simulator;

import dev.aisle.common.event.BehaviorEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The simulation as an iterator of events in time order.
 *
 * <p>Shoppers wait in a queue by the start of their next session. A session is played only when its start is the
 * earliest pending instant, its events go to a second queue, and an event is released once no session that has
 * yet to be played could start before it. Memory therefore holds the shoppers and the sessions open at one
 * moment, never the history, so millions of events stream in constant space.
 */
final class EventStream implements Iterator<BehaviorEvent> {

    /** Minimum pause between two sessions of one shopper (the usual session timeout). */
    static final Duration SESSION_GAP = Duration.ofMinutes(30);

    private static final Comparator<BehaviorEvent> BY_TIME =
            Comparator.comparing(BehaviorEvent::timestamp).thenComparing(BehaviorEvent::eventId);

    private final SessionGenerator sessions;

    private final Instant end;

    private final PriorityQueue<Shopper> waiting =
            new PriorityQueue<>(Comparator.<Shopper, Instant>comparing(s -> s.nextSession).thenComparing(s -> s.index));

    private final PriorityQueue<BehaviorEvent> pending = new PriorityQueue<>(BY_TIME);

    EventStream(Catalogue catalogue, List<Shopper> shoppers, SimulationParameters parameters) {
        this.sessions = new SessionGenerator(catalogue, parameters.seed());
        this.end = parameters.start().plus(Duration.ofDays(parameters.days()));
        for (Shopper shopper : shoppers) {
            shopper.nextSession = atPlausibleHour(shopper, shopper.nextSession, parameters.start());
            if (shopper.nextSession.isBefore(end)) {
                waiting.add(shopper);
            }
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public BehaviorEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.poll();
    }

    /** Plays sessions until the earliest pending event cannot be preceded by an unplayed session. */
    private void fill() {
        while (!waiting.isEmpty()
                && (pending.isEmpty() || !waiting.peek().nextSession.isAfter(pending.peek().timestamp()))) {
            Shopper shopper = waiting.poll();
            List<BehaviorEvent> events = sessions.play(shopper, shopper.nextSession);
            pending.addAll(events);
            Instant last = events.isEmpty() ? shopper.nextSession : events.get(events.size() - 1).timestamp();
            if (shopper.random.nextDouble() >= shopper.churn) {
                shopper.nextSession = nextSessionStart(shopper, last);
                if (shopper.nextSession.isBefore(end)) {
                    waiting.add(shopper);
                }
            }
        }
    }

    /**
     * Exponential gap with the shopper's visit rate, then moved to a plausible hour of the day: more visits in
     * the evening than at night.
     */
    private static Instant nextSessionStart(Shopper shopper, Instant last) {
        double days = -Math.log(1 - shopper.random.nextDouble()) / shopper.visitRate;
        Instant candidate = last.plus(SESSION_GAP).plusSeconds((long) (days * 86_400));
        return atPlausibleHour(shopper, candidate, last.plus(SESSION_GAP));
    }

    /** Moves an instant to a random hour of its day drawn from {@link #diurnal(double)}, not before earliest. */
    private static Instant atPlausibleHour(Shopper shopper, Instant candidate, Instant earliest) {
        long dayStart = candidate.getEpochSecond() / 86_400 * 86_400;
        double hour;
        do {
            hour = shopper.random.nextDouble() * 24;
        } while (shopper.random.nextDouble() > diurnal(hour));
        Instant atHour = Instant.ofEpochSecond(dayStart + (long) (hour * 3600));
        return atHour.isBefore(earliest) ? earliest.plusSeconds((long) (hour * 60)) : atHour;
    }

    /** Relative traffic by hour (UTC taken as local time): low at night, peaks at lunch and in the evening. */
    static double diurnal(double hour) {
        double lunch = Math.exp(-Math.pow(hour - 12.5, 2) / 4);
        double evening = Math.exp(-Math.pow(hour - 20.5, 2) / 5);
        return Math.min(1, 0.1 + 0.5 * lunch + 0.9 * evening);
    }
}
