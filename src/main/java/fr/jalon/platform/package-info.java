/**
 * What every capability uses: configuration, start-up (migrations, data folder lock), the clock,
 * money and dates, messages, the file store, REST set-up and error mapping, health. Depends on no
 * capability.
 */
package fr.jalon.platform;
