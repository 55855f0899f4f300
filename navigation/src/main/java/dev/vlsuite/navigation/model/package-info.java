/** Navigation models as DJL blocks (tensors in, tensors out): the seq2seq agent of Anderson et al. 2018. */
package dev.vlsuite.navigation.model;
