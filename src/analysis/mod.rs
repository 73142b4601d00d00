//! Questions asked of the whole model: break-evens, sensitivity, risk. (Issues 5 and 8.)
