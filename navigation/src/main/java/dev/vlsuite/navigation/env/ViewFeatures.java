package dev.vlsuite.navigation.env;

/**
 * The panoramic features of viewpoints: 36 views per viewpoint (view index {@code 12*e + h}: elevation index
 * e = 0,1,2 for -30, 0, +30 degrees; heading index h = 0..11 for 0, 30, ..., 330 degrees clockwise from +y),
 * each a D-dimensional vector.
 */
public interface ViewFeatures {
    int VIEWS = 36;

    /** D, the size of one view's feature vector. */
    int dim();

    /** The (36 * D) features of a viewpoint, row-major by view index. */
    float[] panorama(String scan, String viewpoint);

    /** The D features of one view. */
    default float[] view(String scan, String viewpoint, int viewIndex) {
        float[] all = panorama(scan, viewpoint);
        float[] one = new float[dim()];
        System.arraycopy(all, viewIndex * dim(), one, 0, dim());
        return one;
    }
}
