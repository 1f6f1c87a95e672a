/**
 * The financing agreement (convention de financement): its organisations, its dates and amounts,
 * and its effective-dated parameters (rates, caps, thresholds, delays). Later: amendments,
 * co-funding and tranches.
 */
package fr.jalon.grant;
