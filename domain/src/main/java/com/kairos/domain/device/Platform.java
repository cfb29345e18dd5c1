package com.kairos.domain.device;

/** The phone's operating system, which decides how the provider delivers a push. */
public enum Platform {
  IOS,
  ANDROID
}
