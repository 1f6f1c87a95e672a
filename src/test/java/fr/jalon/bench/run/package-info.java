/**
 * The runner's parts: starting and stopping Payara Micro, HTTP over a logged-in session, timing
 * loops, {@code wrk}, and the benches built from them.
 */
package fr.jalon.bench.run;
