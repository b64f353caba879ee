/** A seeded web-shop simulator: catalogue, shoppers with latent tastes, sessions and behaviour events (no Spring). */
package dev.aisle.simulator;
