console.log("glassbox");
