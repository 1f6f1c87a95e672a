package fr.jalon.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Two ways in: the login page for people, HTTP Basic for API clients. {@link
 * AuthenticationMechanismChooser} picks one per request.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@BasicAuthenticationMechanismDefinition(realmName = "Jalon")
public class AuthenticationConfiguration {}
