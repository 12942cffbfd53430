# Multi-stage build of the gateway: the JDK stage builds the jar, the runtime stage only runs it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY otp-api/pom.xml otp-api/
COPY otp-command/pom.xml otp-command/
COPY otp-query/pom.xml otp-query/
COPY otp-delivery/pom.xml otp-delivery/
COPY otp-webhooks/pom.xml otp-webhooks/
COPY accounts/pom.xml accounts/
COPY developer-portal/pom.xml developer-portal/
COPY api-gateway/pom.xml api-gateway/
RUN mvn -B -ntp -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN mvn -B -ntp package -DskipTests && cp api-gateway/target/api-gateway-*.jar /src/narvark.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 narvark
USER narvark
WORKDIR /app
COPY --from=build /src/narvark.jar narvark.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/narvark.jar"]
