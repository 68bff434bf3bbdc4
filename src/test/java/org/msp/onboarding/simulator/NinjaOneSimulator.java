package org.msp.onboarding.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful fake of the NinjaOne API v2 (see shared/ninjaone-api.md), for integration tests
 * (in-process), the local run and benchmarks (as a process, see {@link #main}). State lives in
 * memory; every accessor returns an immutable snapshot and may be called from any thread.
 */
public final class NinjaOneSimulator implements AutoCloseable {

  private final SimStore store = new SimStore();
  private final SimChecklistRoutes checklists = new SimChecklistRoutes(store);
  private final SimCatalog catalog = new SimCatalog();
  private final SimDevices devices = new SimDevices(store);
  private final SimTokens tokens;
  private final SimFaults faults = new SimFaults();
  private final SimCallLog calls = new SimCallLog();
  private final InetSocketAddress address;
  private final SimDispatcher dispatcher;
  private final ExecutorService executor;
  private volatile HttpServer server;

  static {
    // The JDK HttpServer leaves Nagle's algorithm on unless told otherwise (read once, at its first
    // use): a
    // response written as headers then body then waits for the client's delayed ACK, about 40 ms
    // per call on a
    // kept-alive connection.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private NinjaOneSimulator(InetAddress bind, int port, String clientId, String clientSecret)
      throws IOException {
    tokens = new SimTokens(clientId, clientSecret);
    SimRouter api = new SimRouter(true);
    new SimOrganizationRoutes(store).register(api);
    new SimOrganizationDetailRoutes(store).register(api);
    new SimDeviceRoutes(devices).register(api);
    checklists.register(api);
    api.add(
            "GET",
            SimRouter.API + "/v2/roles",
            (request, params) -> SimResponse.json(200, catalog.roles()))
        .add(
            "GET",
            SimRouter.API + "/v2/policies",
            (request, params) -> SimResponse.json(200, catalog.policies()));
    executor = Executors.newCachedThreadPool(daemonThreads());
    dispatcher =
        new SimDispatcher(api, new SimAdminRoutes(this, store, devices), tokens, faults, calls);
    server = listen(new InetSocketAddress(bind, port));
    address = server.getAddress();
  }

  private HttpServer listen(InetSocketAddress on) throws IOException {
    HttpServer listening = HttpServer.create(on, 512);
    listening.setExecutor(executor);
    listening.createContext("/", dispatcher);
    listening.start();
    return listening;
  }

  /** Starts a simulator on 127.0.0.1; port 0 picks a free one. */
  public static NinjaOneSimulator start(int port, String clientId, String clientSecret) {
    return start(InetAddress.getLoopbackAddress(), port, clientId, clientSecret);
  }

  /**
   * Starts a simulator on the given address (0.0.0.0 in a container, so other containers reach it).
   */
  public static NinjaOneSimulator start(
      InetAddress bind, int port, String clientId, String clientSecret) {
    try {
      return new NinjaOneSimulator(bind, port, clientId, clientSecret);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the NinjaOne simulator on port " + port, e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return address.getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * A NinjaOne that is not there: the port is closed and open connections are dropped, so every
   * call (token requests included) is refused. State, faults and the call log are kept for {@link
   * #resumeListening}.
   */
  public synchronized void stopListening() {
    server.stop(0);
  }

  /** Listens again on the same port, with the same state. */
  public synchronized void resumeListening() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try {
        server = listen(address);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new UncheckedIOException("cannot listen again on port " + port(), e);
        }
        sleepBriefly(); // the old socket may linger for a moment
      }
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to listen again", e);
    }
  }

  // ---- state ----

  public List<SimOrganization> organizations() {
    return store.organizations();
  }

  public Optional<SimOrganization> organizationByName(String name) {
    return organizationsNamed(name).stream().findFirst();
  }

  public List<SimOrganization> organizationsNamed(String name) {
    return store.named(name);
  }

  public List<SimLocation> locations(long organizationId) {
    SimOrgSnapshot snapshot = store.find(organizationId);
    return snapshot == null ? List.of() : snapshot.locations();
  }

  public List<SimPolicyMapping> policies(long organizationId) {
    SimOrgSnapshot snapshot = store.find(organizationId);
    return snapshot == null ? List.of() : snapshot.policies();
  }

  public Map<String, Object> customFields(long organizationId) {
    SimOrgSnapshot snapshot = store.find(organizationId);
    return snapshot == null ? Map.of() : snapshot.fields();
  }

  /** The organization's checklists: (template id, checklist id) pairs, in the order made. */
  public List<long[]> checklists(long organizationId) {
    return checklists.of(organizationId).stream()
        .map(c -> new long[] {c.templateId(), c.id()})
        .toList();
  }

  /**
   * An organization created by someone else; it bypasses the duplicate-name check, as seeding is
   * set-up.
   */
  public SimOrganization seedOrganization(String name, Map<String, Object> userData) {
    SimOrganization draft =
        new SimOrganization(
            0, name, "created outside the onboarding service", userData, "AUTOMATIC", List.of());
    return store.create(draft, Map.of(), List.of(), List.of(), false).organization();
  }

  /**
   * An organization set up by hand before the service: its own approval mode, tags, extra
   * locations, policy mappings and custom fields (e.g. one a saga adopts).
   */
  public SimOrganization seedOrganization(
      String name,
      String nodeApprovalMode,
      List<String> tags,
      List<String> locationNames,
      List<SimPolicyMapping> policies,
      Map<String, Object> fields) {
    SimOrganization draft =
        new SimOrganization(0, name, "made by hand", Map.of(), nodeApprovalMode, tags);
    List<SimLocation> locations =
        locationNames.stream().map(n -> new SimLocation(0, n, null, null, null)).toList();
    return store.create(draft, fields, locations, policies, false).organization();
  }

  /** Seeds organizations named namePrefix + id (unique), each with its "Main Office". */
  public void seedOrganizations(int count, String namePrefix) {
    store.seed(count, namePrefix);
  }

  public void setRejectDuplicateNames(boolean reject) {
    store.rejectDuplicateNames(reject);
  }

  public void setTokenLifetime(Duration lifetime) {
    tokens.lifetime(lifetime);
  }

  /** Access tokens issued so far (up to 1,000): for checks that none leaks. */
  public java.util.Set<String> issuedTokens() {
    return tokens.everIssued();
  }

  public void expireAllTokens() {
    tokens.expireAll();
  }

  // ---- devices ----

  /**
   * An agent installed at the location joins: APPROVED at once, or PENDING when the organization's
   * nodeApprovalMode is MANUAL. Throws for an unknown location or an organization that rejects
   * devices.
   */
  public SimDevice enrolDevice(long organizationId, long locationId, String nodeClass) {
    return devices.enrol(organizationId, locationId, nodeClass, null, null);
  }

  /** The device as it is now, or empty once it was rejected. */
  public Optional<SimDevice> device(long id) {
    return Optional.ofNullable(devices.find(id));
  }

  public List<SimDevice> devices(long organizationId) {
    return devices.of(organizationId);
  }

  // ---- call log ----

  public List<SimCall> calls() {
    return calls.all();
  }

  public long callCount(String method, String pathRegex) {
    return calls.count(method, pathRegex);
  }

  /** Adds (or replaces) a node role of the tenant, as GET /v2/roles lists it. */
  public void addNodeRole(long id, String name, String nodeClass) {
    catalog.addRole(id, name, nodeClass);
  }

  /** Adds (or replaces) a policy of the tenant, as GET /v2/policies lists it. */
  public void addPolicy(long id, String name, String nodeClass) {
    catalog.addPolicy(id, name, nodeClass);
  }

  /**
   * Requests refused because NinjaOne's published document does not describe them (oldest first).
   */
  public List<String> contractViolations() {
    return calls.contractViolations();
  }

  public void clearCalls() {
    calls.clear();
  }

  // ---- faults ----

  public void setLatency(Duration latency) {
    faults.latency(latency);
  }

  public void failNext(String method, String pathRegex, int times, int status) {
    faults.add(method, pathRegex, times, SimFault.status(status));
  }

  public void throttleNext(String method, String pathRegex, int times, int retryAfterSeconds) {
    faults.add(method, pathRegex, times, SimFault.throttle(retryAfterSeconds));
  }

  public void htmlThrottleNext(String method, String pathRegex, int times) {
    faults.add(method, pathRegex, times, SimFault.html());
  }

  public void dropResponseNext(String method, String pathRegex, int times) {
    faults.add(method, pathRegex, times, SimFault.drop());
  }

  public void delayNext(String method, String pathRegex, int times, Duration delay) {
    faults.add(method, pathRegex, times, SimFault.delay(delay));
  }

  public void setRandomFaults(double rate, long seed) {
    faults.random(rate, seed);
  }

  public Map<String, Long> faultCounts() {
    return faults.counts();
  }

  /** Clears rules, latency and random faults; the fault counts stay (resetAll clears them). */
  public void resetFaults() {
    faults.reset();
  }

  /**
   * Back to a freshly started simulator: faults and their counts, state, call log, tokens and
   * settings.
   */
  public void resetAll() {
    faults.reset();
    faults.resetCounts();
    store.clear();
    devices.clear();
    checklists.clear();
    catalog.reset();
    calls.clear();
    tokens.reset();
  }

  /** {@code --port N --client-id X --client-secret Y}; runs until the process is killed. */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = SimOptions.parse(args);
    InetAddress bind;
    try {
      bind = InetAddress.getByName(options.getOrDefault("host", "127.0.0.1"));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("unknown --host " + options.get("host"), e);
    }
    NinjaOneSimulator simulator =
        start(
            bind,
            Integer.parseInt(options.getOrDefault("port", "0")),
            options.getOrDefault("client-id", "sim-client"),
            options.getOrDefault("client-secret", "sim-secret"));
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "ninjaone-sim-shutdown"));
    System.out.println("NinjaOne simulator listening on " + simulator.baseUrl());
    System.out.flush();
    Thread.currentThread()
        .join(); // our handler threads are daemons: keep the JVM alive until killed
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "ninjaone-sim-" + count.incrementAndGet());
      thread.setDaemon(
          true); // an in-process simulator a test forgot to close must not keep the JVM alive
      return thread;
    };
  }
}
