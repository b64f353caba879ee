/** Training lifecycle: reading interactions from behaviour events, validating, versioning and swapping models. */
package dev.aisle.recommend.training;
