package dev.aisle.simulator;

import dev.aisle.common.event.BehaviorEvent;
import dev.aisle.common.product.Product;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A seeded simulation of a web shop: a catalogue over a three-level category tree and shoppers with latent tastes
 * whose sessions produce behaviour events in a realistic funnel.
 *
 * <p>Everything is a pure function of the {@link SimulationParameters}: the same parameters give the same
 * products and the same events in the same order. Events are generated lazily ({@link #events()}), so a load test
 * can draw millions of them in constant memory.
 */
public final class ShopSimulator {

    private final SimulationParameters parameters;

    private final Catalogue catalogue;

    /** Builds the catalogue for the parameters (cheap: a few milliseconds per thousand products). */
    public ShopSimulator(SimulationParameters parameters) {
        this.parameters = parameters;
        this.catalogue = Catalogue.generate(Taxonomy.builtIn(), parameters.products(), parameters.seed(),
                parameters.start());
    }

    /** A simulator with the default parameters. */
    public static ShopSimulator withDefaults() {
        return new ShopSimulator(SimulationParameters.defaults());
    }

    /** The parameters. */
    public SimulationParameters parameters() {
        return parameters;
    }

    /** The catalogue with the simulation's hidden facts. */
    public Catalogue catalogue() {
        return catalogue;
    }

    /** The products as the domain records the services accept. */
    public List<Product> products() {
        return catalogue.products().stream().map(EventFactory::product).toList();
    }

    /** A fresh iterator over the events in time order; each call replays the simulation from the start. */
    public Iterator<BehaviorEvent> eventIterator() {
        return new EventStream(catalogue, ShopperPopulation.generate(catalogue, parameters), parameters);
    }

    /** The events in time order, generated lazily; each call replays the simulation from the start. */
    public Stream<BehaviorEvent> events() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(eventIterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
