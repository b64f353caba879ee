/** Web infrastructure shared by the services: request ids and the problem-details handler. */
package dev.aisle.support.web;
