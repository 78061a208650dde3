# syntax=docker/dockerfile:1
#
# Rawabit: one static binary in a distroless image, with the seed data and
# config.yaml. Build: docker build -t rawabit .   (or: docker compose build)

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=docker
ARG COMMIT=unknown
RUN CGO_ENABLED=0 GOFLAGS=-buildvcs=false \
    go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT}" \
      -o /out/rawabit ./cmd/rawabit \
 && /out/rawabit version

# distroless/static: no shell, no package manager; "nonroot" is uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /app
COPY --from=build /out/rawabit /usr/local/bin/rawabit
COPY config.yaml ./config.yaml
COPY data ./data
# Inside a container the server must listen on every interface.
ENV RAWABIT_SERVER_ADDR=:8080
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/rawabit"]
CMD ["serve"]
