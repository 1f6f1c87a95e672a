package fr.jalon.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API lives under {@code /api}; HTTP Basic or a logged-in session. */
@ApplicationPath("api")
public class RestApplication extends Application {}
