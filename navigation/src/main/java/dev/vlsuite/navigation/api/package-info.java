/** The Java API of navigation: routes an agent takes, running agents over episodes, loading a navigator. */
package dev.vlsuite.navigation.api;
