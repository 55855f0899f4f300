/** The Java API of navigation: routes an agent takes, running agents over episodes, loading a navigator (or the built-in agent, {@link dev.vlsuite.navigation.api.DefaultAgent}). */
package dev.vlsuite.navigation.api;
