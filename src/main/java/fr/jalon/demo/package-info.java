/**
 * The demo grant: CMQ Industrie du Futur's PIA 3 agreement (2020–2029) and one user per role,
 * loaded through the capabilities' own services on an empty database in demo mode. The amounts
 * are fictitious.
 */
package fr.jalon.demo;
