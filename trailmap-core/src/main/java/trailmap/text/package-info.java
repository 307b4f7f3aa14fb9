/** Small text algorithms shared by the map format, the analytics and their error messages. */
package trailmap.text;
