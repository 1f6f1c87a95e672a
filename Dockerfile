# Jalon on Payara Micro 7. Build: docker build -t jalon .
# Run:   docker run -p 8080:8080 -v jalon-data:/opt/payara/data -e JALON_ADMIN_PASSWORD='…' jalon
# (production mode; add -e JALON_MODE=demo for the demo grant and accounts).

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=payara-micro || true
COPY src src
COPY reports reports
RUN mvn -B -q -DskipTests package

FROM payara/micro:7.2026.11-jdk21
USER root
RUN mkdir -p /opt/payara/data /opt/payara/cds && chown payara:payara /opt/payara/data /opt/payara/cds
USER payara
COPY --from=build /src/target/jalon.war /opt/payara/deployments/jalon.war
COPY --from=build /src/src/main/payara/postboot.asadmin /opt/payara/config/postboot.asadmin
ENV JALON_DATA=/opt/payara/data \
    JALON_MODE=production \
    JALON_UPLOAD_MAX_MB=20
VOLUME /opt/payara/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 CMD curl -fsS http://localhost:8080/health || exit 1
# Java options go before -jar; Derby writes its log into the data folder. The container's first
# stop writes a class-data archive (/opt/payara/cds, per container, so per image) that later starts map.
ENTRYPOINT ["sh", "-c", "exec java -Djava.awt.headless=true -Dderby.stream.error.file=${JALON_DATA}/derby.log -XX:SharedArchiveFile=/opt/payara/cds/jalon.jsa -XX:+AutoCreateSharedArchive ${JAVA_OPTS:-} -jar /opt/payara/payara-micro.jar --nocluster --port 8080 --contextroot / --postbootcommandfile /opt/payara/config/postboot.asadmin --deploy /opt/payara/deployments/jalon.war"]
