package dev.roster.sandbox;

/** Answers one routed request. Exceptions become a 500 so a handler bug fails a test loudly. */
@FunctionalInterface
public interface FakeHandler {
  FakeResponse handle(FakeRequest request) throws Exception;
}
