package dev.opgrad.registry;

import dev.opgrad.spi.Op;

/**
 * A provider that loaded and described itself validly: its op, the name it gave, its class and the
 * jar or directory that class came from.
 */
record DiscoveredOp(Op op, String name, String providerClass, String location) {}
