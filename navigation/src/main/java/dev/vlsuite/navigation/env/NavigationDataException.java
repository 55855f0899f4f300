package dev.vlsuite.navigation.env;

/** A navigation data file (connectivity, episodes, features, trajectories) that cannot be used: names the file and why. */
public final class NavigationDataException extends IllegalArgumentException {
    public NavigationDataException(String message) {
        super(message);
    }

    public NavigationDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
