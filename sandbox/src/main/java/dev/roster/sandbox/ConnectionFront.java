package dev.roster.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The TCP side of a {@link FakeHttpServer}: it accepts clients on the fake's port and relays each
 * connection to the JDK server behind it, so the fake can do what the JDK server cannot. It closes
 * keep-alive connections that stayed idle longer than a configured timeout (as a vendor's servers
 * and load balancers do), and it notes when each request's first byte arrived (a vendor counts a
 * request against its rate limit when it reaches the edge, not when a handler thread gets to it).
 * Thread-safe.
 */
final class ConnectionFront implements AutoCloseable {
  private static final int BUFFER = 16 * 1024;
  private static final long TICK_MILLIS = 20;

  private final ServerSocket listener;
  private final int backendPort;
  private final Supplier<Supplier<Instant>> clock;
  private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
  private final Map<Integer, Instant> arrivals = new ConcurrentHashMap<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger idleClosed = new AtomicInteger();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile Duration idleTimeout;
  private volatile boolean closed;
  private Thread ticker;

  /**
   * @param clock the fake's clock (looked up on each arrival: the fake may change it after start)
   */
  ConnectionFront(int port, int backendPort, Supplier<Supplier<Instant>> clock) {
    this.backendPort = backendPort;
    this.clock = clock;
    try {
      listener = new ServerSocket();
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
    }
    daemon("front-accept", this::acceptLoop).start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Closes connections idle for longer than {@code timeout} from now on; null never does. */
  synchronized void idleTimeout(Duration timeout) {
    this.idleTimeout = timeout;
    if (timeout != null && ticker == null) {
      ticker = daemon("front-idle", this::tickLoop);
      ticker.start();
    }
  }

  int accepted() {
    return accepted.get();
  }

  int idleClosed() {
    return idleClosed.get();
  }

  /**
   * When the request now on the relayed connection whose JDK-side peer port is {@code peerPort}
   * began to arrive; null when unknown.
   */
  Instant arrivalOf(int peerPort) {
    return arrivals.get(peerPort);
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    relays.forEach(Relay::close);
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      accepted.incrementAndGet();
      try {
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        client.setTcpNoDelay(true);
        backend.setTcpNoDelay(true);
        Relay relay = new Relay(client, backend);
        relays.add(relay);
        relay.start();
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void tickLoop() {
    while (!closed) {
      Duration timeout = idleTimeout;
      if (timeout != null) {
        long now = System.nanoTime();
        for (Relay relay : relays) {
          if (relay.idleSince(now) >= timeout.toNanos() && relay.close()) {
            idleClosed.incrementAndGet();
          }
        }
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One client connection and its twin to the JDK server. */
  private final class Relay {
    private final Socket client;
    private final Socket backend;
    private final int peerPort;
    private volatile boolean awaitingResponse;
    private volatile long lastServerByte = System.nanoTime();
    private boolean done;

    Relay(Socket client, Socket backend) {
      this.client = client;
      this.backend = backend;
      this.peerPort = backend.getLocalPort();
    }

    void start() {
      daemon("front-in", () -> pump(client, backend, true)).start();
      daemon("front-out", () -> pump(backend, client, false)).start();
    }

    /** Nanoseconds since the last response byte while no request is under way, else 0. */
    long idleSince(long now) {
      return awaitingResponse ? 0 : now - lastServerByte;
    }

    private void pump(Socket from, Socket to, boolean request) {
      byte[] buffer = new byte[BUFFER];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
          if (request && !awaitingResponse) {
            // A new request begins: the edge counts it now.
            arrivals.put(peerPort, clock.get().get());
            awaitingResponse = true;
          } else if (!request) {
            awaitingResponse = false;
            lastServerByte = System.nanoTime();
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException ended) {
        // Either side went away; the relay ends with it.
      } finally {
        close();
      }
    }

    /** Closes both sides; true the first time. */
    synchronized boolean close() {
      if (done) {
        return false;
      }
      done = true;
      relays.remove(this);
      arrivals.remove(peerPort);
      closeQuietly(client);
      closeQuietly(backend);
      return true;
    }
  }

  private Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name + "-" + threads.incrementAndGet());
    t.setDaemon(true);
    return t;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }
}
