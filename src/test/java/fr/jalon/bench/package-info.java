/**
 * The benchmark harness: a seeded data generator ({@code generator}), a runner that starts Jalon and a
 * bare Payara Micro and measures them over HTTP ({@code run}), and the figures, targets and result
 * files ({@code report}). It lives beside the tests so every build compiles it against the current
 * code, but it runs only through the {@code bench} Maven profile, never in the test phase.
 */
package fr.jalon.bench;
