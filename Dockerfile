# Builds every module once; the image runs the embedded default, the command side or the query side,
# chosen by OPE_MODULE (app, command-side, query-side).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /opt/ope
COPY --from=build /src/app/target/app-*.jar app.jar
COPY --from=build /src/command-side/target/command-side-*-exec.jar command-side.jar
COPY --from=build /src/query-side/target/query-side-*-exec.jar query-side.jar
ENV OPE_MODULE=app
EXPOSE 8080 8081 8082
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /opt/ope/${OPE_MODULE}.jar"]
