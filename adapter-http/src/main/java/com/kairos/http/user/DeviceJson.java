package com.kairos.http.user;

import com.kairos.domain.device.Device;
import com.kairos.http.json.JsonTime;
import com.kairos.http.json.WireNames;

/** A device as {@code GET /me/devices} lists it: the token's last 6 characters, never the token. */
record DeviceJson(
    String installationId,
    String platform,
    String appVersion,
    String locale,
    String tokenSuffix,
    String createdAt,
    String lastSeenAt) {

  static DeviceJson of(Device d) {
    return new DeviceJson(
        d.installationId().toString(),
        WireNames.of(d.platform()),
        d.appVersion(),
        d.locale(),
        d.pushToken().suffix(),
        JsonTime.format(d.createdAt()),
        JsonTime.format(d.lastSeenAt()));
  }
}
