/**
 * Users, roles and login: a database identity store with PBKDF2 hashes, a form login for pages and
 * HTTP Basic for the API, the one permission table for every page and endpoint, and the
 * interceptor that enforces {@code @RolesAllowed} on the services.
 */
package fr.jalon.security;
