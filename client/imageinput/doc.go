// Package imageinput turns an image file into the integer input vector of an
// image model, for `hyrad client infer --image`: PNG or PGM (P5 binary or P2
// ASCII), converted to 8-bit grayscale, resized to the model's input shape,
// one raw pixel (0..255) per element. The bundled MNIST models fold their
// normalisation into the first layer, so raw pixels are exactly what they
// take; a model whose input range or shape cannot hold a grayscale image is
// refused with the reason. It runs on the user's machine only: nothing here
// is in the chain's path.
package imageinput
