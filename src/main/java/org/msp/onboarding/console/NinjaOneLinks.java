package org.msp.onboarding.console;

import jakarta.enterprise.context.ApplicationScoped;
import org.msp.onboarding.ninjaone.NinjaOneConfig;

/** Links into the tenant's NinjaOne web app, for the console's organization ids. */
@ApplicationScoped
public class NinjaOneLinks {
  private final String web;

  /**
   * {@code ninjaone.web-url} (NINJAONE_WEB_URL): where browsers open NinjaOne; defaults to the
   * API's host.
   */
  public NinjaOneLinks(NinjaOneConfig config) {
    String url = config.webUrl();
    this.web = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The organization's dashboard in NinjaOne's single-page app. */
  public String organization(Long organizationId) {
    return organizationId == null
        ? null
        : web + "/#/customerDashboard/" + organizationId + "/overview";
  }
}
